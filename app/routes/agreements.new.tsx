import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useT } from "~/components/i18n";
import { PageHeader } from "~/components/ui";
import { agreementScope } from "~/features/proceedings/agreements/access.server";
import {
  meetingRequestChoices,
  missionChoices,
  partyChoices,
} from "~/features/proceedings/agreements/agreement-list.server";
import { createAgreement } from "~/features/proceedings/agreements/agreements.server";
import { AgreementForm } from "~/features/proceedings/agreements/components/agreement-form";
import { NoAuthority } from "~/features/proceedings/agreements/components/no-authority";
import { agreementSchema } from "~/features/proceedings/agreements/schema";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseWith } from "~/platform/forms/parse";
import { forbidden } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.agreements.newTitle");

/** The same cookie /agreements/:id reads ("created"). */
const doneFlash = () => flash("nv_agreement", "/agreements", z.object({ done: z.enum(["created", "saved", "moved"]) }));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conference = await requireConference();
  const db = getDb();
  const messages = await requestMessages(request, "proceedings");
  const access = await agreementScope(db, user, conference.id);
  if (!access.ok) return json({ noAuthority: access.refusal.key, messages } as const, { status: 403 });
  const { scope } = access;
  if (scope.organisationId === null && !scope.staffUpdate)
    return json({ noAuthority: "proceedings.agreements.errors.readOnly", messages } as const, { status: 403 });
  const [parties, missions, meetingRequests] = await Promise.all([
    scope.organisationId === null ? partyChoices(db) : Promise.resolve(null),
    missionChoices(db),
    meetingRequestChoices(db, conference.id, scope.organisationId),
  ]);
  return json({ noAuthority: null, messages, choices: { parties, missions, meetingRequests } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const Intent = z.discriminatedUnion("intent", [intentOf("save")]);
  const user = await requireUser(request);
  const conference = await requireConference();
  const db = getDb();
  const values = formValues(await request.formData());
  parseIntent(Intent, values);
  const access = await agreementScope(db, user, conference.id);
  if (!access.ok) return replyRefusal(access.refusal, { values });
  if (access.scope.organisationId === null && !access.scope.staffUpdate)
    return replyRefusal(forbidden("proceedings.agreements.errors.readOnly").refusal, { values });
  const parsed = parseWith(agreementSchema, values);
  if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
  const result = await createAgreement(db, access.scope, { id: user.id, ip: clientIp(context) }, parsed.data);
  if (!result.ok) return replyRefusal(result.refusal, { values });
  return redirect(`/agreements/${result.id}`, {
    headers: { "Set-Cookie": await doneFlash().set({ done: "created" }) },
  });
}

export default function NewAgreement() {
  const data = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() ?? null;
  const t = useT();
  if (data.noAuthority !== null) return <NoAuthority reason={data.noAuthority} />;
  const A = "proceedings.agreements";
  return (
    <div className="space-y-4">
      <Link to="/agreements" className="btn-link text-sm">
        {t(`${A}.backToList`)}
      </Link>
      <PageHeader title={t(`${A}.newTitle`)} />
      <div className="card">
        <AgreementForm
          defaults={{ field: "economy", kind: "memorandum" }}
          choices={data.choices}
          feedback={feedback}
          submitLabel={t(`${A}.form.create`)}
        />
      </div>
    </div>
  );
}
