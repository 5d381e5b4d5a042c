import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useLocale, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Badge, Notice, PageHeader } from "~/components/ui";
import { DocumentForm } from "~/features/proceedings/documents/components/document-form";
import { DocumentImages } from "~/features/proceedings/documents/components/document-images";
import {
  authorOptions,
  deleteDocument,
  getDocument,
  sessionOptions,
  setDocumentState,
  updateDocument,
} from "~/features/proceedings/documents/documents.server";
import { DOCUMENT_DONE_KEY, type DocumentDone } from "~/features/proceedings/documents/done";
import { DOCUMENT_DONE } from "~/features/proceedings/documents/done";
import { addDocumentImage, deleteDocumentImage, setImageCaption } from "~/features/proceedings/documents/images.server";
import { captionSchema, documentSchema } from "~/features/proceedings/documents/schema";
import { DOCUMENT_LIMITS } from "~/features/proceedings/rules";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { idOf, notFound, parseId, replyOrNotFound } from "~/http/refusal.server";
import { formatInstant } from "~/lib/time";
import { getDb } from "~/platform/db.server";
import { parseWith, type FieldErrors } from "~/platform/forms/fields";
import { readUploadForm } from "~/platform/uploads/multipart.server";

/** The one-time outcome of a change (post/redirect/get), for every page under /admin/documents. */
const documentFlash = () => flash("nv_document", "/admin/documents", z.object({ done: z.enum(DOCUMENT_DONE) }));

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.documents.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:document");
  const conference = await requireConference();
  const db = getDb();
  const document = await getDocument(db, conference.id, parseId(params.id));
  if (!document) notFound("proceedings.errors.notFound");
  const [sessions, authors, done] = await Promise.all([
    sessionOptions(db, conference.id),
    authorOptions(db, conference.id),
    documentFlash().take(request),
  ]);
  return json(
    {
      messages: await requestMessages(request, "proceedings"),
      zone: conference.time_zone,
      document,
      sessions,
      authors,
      done: done.value?.done ?? null,
    },
    { headers: done.headers },
  );
}

type ActionData = {
  intent: string;
  errors: FieldErrors;
  values?: Record<string, string>;
  params?: Record<string, string | number>;
};

/** Text fields of the editor's form may be long (the body): the image's own limit is the file's. */
const MAX_FIELD_BYTES = 4 * DOCUMENT_LIMITS.body;

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The editor's forms (built here: a *.server module is empty in the browser).
  const Intent = z.discriminatedUnion("intent", [
    intentOf("save").passthrough(),
    intentOf("finalise"),
    intentOf("reopen"),
    intentOf("delete"),
    intentOf("addImage").passthrough(),
    z.object({ intent: z.literal("caption"), imageId: z.string(), caption: z.string().optional() }),
    z.object({ intent: z.literal("deleteImage"), imageId: z.string() }),
  ]);
  const user = await requirePermission(request, "update:document");
  const conference = await requireConference();
  const id = parseId(params.id);
  const actor = { id: user.id, ip: clientIp(context) };
  const db = getDb();
  const read = await readUploadForm(request, {
    maxFileBytes: DOCUMENT_LIMITS.imageBytes,
    maxFieldBytes: MAX_FIELD_BYTES,
  });
  if (!read.ok)
    return json<ActionData>({ intent: "", errors: { "": "proceedings.documents.errors.malformed" } }, { status: 400 });
  const { form, oversized } = read.upload;
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  const { intent } = parseIntent(Intent, values);
  const back = async (done: DocumentDone, to = `/admin/documents/${id}`) =>
    redirect(to, { headers: { "Set-Cookie": await documentFlash().set({ done }) } });
  const refused = (refusal: Parameters<typeof replyOrNotFound>[0]) => replyOrNotFound(refusal, { intent, values });
  switch (intent) {
    case "save": {
      const parsed = parseWith(documentSchema, values);
      if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values }, { status: 400 });
      const result = await updateDocument(db, conference.id, id, parsed.data, actor);
      return result.ok ? back("saved") : refused(result.refusal);
    }
    case "finalise":
    case "reopen": {
      const result = await setDocumentState(db, conference.id, id, intent === "finalise" ? "final" : "draft", actor);
      return result.ok ? back(intent === "finalise" ? "finalised" : "reopened") : refused(result.refusal);
    }
    case "delete": {
      const result = await deleteDocument(db, conference.id, id, actor);
      return result.ok ? back("deleted", "/admin/documents") : refused(result.refusal);
    }
    case "addImage": {
      const caption = parseWith(captionSchema, values);
      if (!caption.ok) return json<ActionData>({ intent, errors: caption.errors, values }, { status: 400 });
      const max = DOCUMENT_LIMITS.imageBytes / 1024 / 1024;
      if (oversized.has("image"))
        return json<ActionData>(
          { intent, errors: { image: "proceedings.documents.errors.imageTooLarge" }, params: { max }, values },
          { status: 400 },
        );
      const file = form.get("image");
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      const result = await addDocumentImage(db, conference.id, id, { bytes, caption: caption.data.caption }, actor);
      return result.ok ? back("uploaded") : refused(result.refusal);
    }
    case "caption": {
      const imageId = idOf(values.imageId);
      const caption = parseWith(captionSchema, values);
      if (imageId === null || !caption.ok)
        return json<ActionData>(
          { intent, errors: caption.ok ? { "": "proceedings.documents.errors.choice" } : caption.errors, values },
          { status: 400 },
        );
      const result = await setImageCaption(db, conference.id, id, imageId, caption.data.caption, actor);
      return result.ok ? back("captionSaved") : refused(result.refusal);
    }
    case "deleteImage": {
      const imageId = idOf(values.imageId);
      if (imageId === null) notFound("proceedings.errors.notFound");
      const result = await deleteDocumentImage(db, conference.id, id, imageId, actor);
      return result.ok ? back("imageDeleted") : refused(result.refusal);
    }
  }
}

const D = "proceedings.documents";

export default function EditDocument() {
  const { document, sessions, authors, done, zone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();
  const feedback = useMemo(
    () =>
      data?.intent === "save"
        ? {
            errors: Object.fromEntries(Object.entries(data.errors).map(([k, v]) => [k, t(v, data.params)])),
            values: data.values,
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed per action result
    [data],
  );
  const defaults = {
    title: document.title,
    kind: document.kind,
    language: document.language,
    sessionId: document.session_id ? String(document.session_id) : "",
    authorRegistrationId: document.author_registration_id ? String(document.author_registration_id) : "",
    authorName: document.author_registration_id ? "" : document.author_name,
    position: String(document.position),
    body: document.body,
  };
  const imageIds = new Set(document.images.map((i) => i.id));
  const imageSrc = (imageId: number) =>
    imageIds.has(imageId) ? `/admin/documents/${document.id}/images/${imageId}` : undefined;
  const stateError = data && (data.intent === "finalise" || data.intent === "reopen" || data.intent === "delete");
  return (
    <div className="space-y-6">
      <PageHeader
        title={document.title}
        action={
          <a href={`/admin/documents/${document.id}/pdf`} className="btn-secondary" data-testid="document-pdf">
            {t(`${D}.pdfLink`)}
          </a>
        }
      >
        <Link to="/admin/documents" className="link">
          {t(`${D}.back`)}
        </Link>{" "}
        <Badge tone={document.state === "final" ? "green" : "grey"}>
          {t(`proceedings.documentState.${document.state}`)}
        </Badge>{" "}
        {document.finalised_at ? (
          <span className="text-sm text-slate-600">
            {t(`${D}.finalisedAt`, { date: formatInstant(document.finalised_at, zone, locale, "dateTime") })}
          </span>
        ) : null}
      </PageHeader>
      {done ? (
        <Notice tone="success" id="document-done">
          {t(DOCUMENT_DONE_KEY[done])}
        </Notice>
      ) : null}
      {stateError ? <Notice tone="error">{t(data.errors[""] ?? data.errors.body ?? "", data.params)}</Notice> : null}
      <DocumentForm
        key={document.updated_at}
        defaults={defaults}
        feedback={feedback}
        options={{ sessions, authors }}
        imageSrc={imageSrc}
        submitLabel={t(`${D}.save`)}
      />
      <Form method="post" className="flex flex-wrap gap-2">
        {document.state === "draft" ? (
          <SubmitButton name="intent" value="finalise">
            {t(`${D}.finalise`)}
          </SubmitButton>
        ) : (
          <SubmitButton name="intent" value="reopen" className="btn-secondary">
            {t(`${D}.reopen`)}
          </SubmitButton>
        )}
      </Form>
      <DocumentImages documentId={document.id} images={document.images} feedback={data} />
      <Form
        method="post"
        className="border-t border-slate-200 pt-4"
        onSubmit={(event) => {
          if (!window.confirm(t(`${D}.deleteConfirm`))) event.preventDefault();
        }}
      >
        <SubmitButton name="intent" value="delete" className="btn-danger">
          {t(`${D}.delete`)}
        </SubmitButton>
      </Form>
    </div>
  );
}
