import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useT } from "~/components/i18n";
import { PageHeader } from "~/components/ui";
import { DocumentForm } from "~/features/proceedings/documents/components/document-form";
import { authorOptions, createDocument, sessionOptions } from "~/features/proceedings/documents/documents.server";
import { DOCUMENT_DONE } from "~/features/proceedings/documents/done";
import { documentSchema } from "~/features/proceedings/documents/schema";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { replyRefusal } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";

/** The same one-time outcome as the editor reads (admin.documents.$id.tsx). */
const documentFlash = () => flash("nv_document", "/admin/documents", z.object({ done: z.enum(DOCUMENT_DONE) }));

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.documents.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:document");
  const conference = await requireConference();
  const db = getDb();
  const url = new URL(request.url);
  const [sessions, authors] = await Promise.all([sessionOptions(db, conference.id), authorOptions(db, conference.id)]);
  // A link from a session may preset it (and the kind): the form still checks both.
  const defaults = {
    title: "",
    kind: url.searchParams.get("kind") ?? "speech",
    language: "vi",
    sessionId: url.searchParams.get("session") ?? "",
    authorRegistrationId: "",
    authorName: "",
    position: "0",
    body: "",
  };
  return json({ messages: await requestMessages(request, "proceedings"), sessions, authors, defaults });
}

type ActionData = { errors: FieldErrors; values: Record<string, string>; params?: Record<string, string | number> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:document");
  const conference = await requireConference();
  const values = formValues(await request.formData());
  const parsed = parseWith(documentSchema, values);
  // Every typed value goes back on a refusal, the body however long.
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values }, { status: 400 });
  const result = await createDocument(getDb(), conference.id, parsed.data, { id: user.id, ip: clientIp(context) });
  if (!result.ok) return replyRefusal(result.refusal, { values });
  return redirect(`/admin/documents/${result.id}`, {
    headers: { "Set-Cookie": await documentFlash().set({ done: "saved" }) },
  });
}

export default function NewDocument() {
  const { sessions, authors, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const feedback = useMemo(() => (data ? { errors: data.errors, values: data.values } : null), [data]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("proceedings.documents.newTitle")}>
        <Link to="/admin/documents" className="link">
          {t("proceedings.documents.back")}
        </Link>
      </PageHeader>
      <DocumentForm
        defaults={defaults}
        feedback={feedback}
        options={{ sessions, authors }}
        imageSrc={() => undefined}
        submitLabel={t("proceedings.documents.create")}
      />
    </div>
  );
}
