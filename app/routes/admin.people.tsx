import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SelectField, TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { DataTable } from "~/components/data-table";
import { Badge, EmptyState, FilterChips, Notice, PageHeader, Pagination, parsePage } from "~/components/ui";
import { can, type Permission } from "~/auth/permissions";
import { ORGANISATION_KINDS, ROLES, type Role } from "~/auth/roles";
import { formValues, parseWith } from "~/platform/forms/fields";
import { inviteSchema } from "~/features/people/schema";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/features/people/invitations.server";
import { listOrganisationOptions } from "~/features/people/organisations.server";
import { listUsers, setOrganisationHead, setUserDisabled } from "~/features/people/users.server";
import { intent, knownIntent, unknownIntent } from "~/http/intent.server";
import { parseId, replyOrNotFound, replyRefusal } from "~/http/refusal.server";
import { z } from "zod";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.people");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:user:any");
  const url = new URL(request.url);
  const roleParam = url.searchParams.get("role");
  const role = ROLES.includes(roleParam as Role) ? (roleParam as Role) : null;
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const page = parsePage(url.searchParams.get("page"));
  const canManage = can(user.role, "invite:user");
  const [users, invitations, organisations] = await Promise.all([
    listUsers({ q, role, page }),
    canManage ? listPendingInvitations() : Promise.resolve([]),
    canManage ? listOrganisationOptions() : Promise.resolve([]),
  ]);
  return json({ users, invitations, organisations, page, q, canManage, selfId: user.id });
}

/** What each intent needs; an intent the page does not know needs the page's write permission before its 400. */
const NEEDS = {
  invite: "invite:user",
  revoke: "invite:user",
  disable: "update:user:any",
  enable: "update:user:any",
  head: "update:user:any",
  unhead: "update:user:any",
} satisfies Record<string, Permission>;

export async function action({ request, context }: ActionFunctionArgs) {
  // Built here, not beside the action: the browser's build has no intent.server.
  const Intent = z.discriminatedUnion("intent", [
    intent("invite"),
    intent("disable"),
    intent("enable"),
    intent("head"),
    intent("unhead"),
    intent("revoke"),
  ]);
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  const known = knownIntent(Intent, values);
  // Someone without the page's write permissions gets the same 403 whatever they send.
  const user = await requirePermission(request, known ? NEEDS[known.intent] : "invite:user");
  if (!known) throw unknownIntent(values);
  const actor = { id: user.id, ip };
  switch (known.intent) {
    case "invite": {
      const parsed = parseWith(inviteSchema, values);
      if (!parsed.ok) return json({ intent: "invite", errors: parsed.errors, values }, { status: 400 });
      const result = await createInvitation(parsed.data, { ...actor, locale: user.locale });
      if (!result.ok) return replyRefusal(result.refusal, { intent: "invite", values });
      // The link goes to the invitee's mailbox only: staff never hold a live one-time link.
      return json({
        intent: "invite",
        errors: {},
        values: {},
        invited: { email: parsed.data.email, expiresAt: result.expiresAt },
      });
    }
    case "disable":
    case "enable": {
      const result = await setUserDisabled(values.userId ?? "", known.intent === "disable", actor);
      if (!result.ok) return replyOrNotFound(result.refusal, { intent: known.intent, values: {} });
      return json({
        intent: known.intent,
        errors: {},
        values: {},
        done: { key: known.intent === "disable" ? "people.disabled" : "people.enabled", email: result.email },
      });
    }
    case "head":
    case "unhead": {
      const result = await setOrganisationHead(values.userId ?? "", known.intent === "head", actor);
      if (!result.ok) return replyRefusal(result.refusal, { intent: known.intent, values: {} });
      return json({
        intent: known.intent,
        errors: {},
        values: {},
        done: { key: known.intent === "head" ? "people.madeHead" : "people.removedHead", email: result.email },
      });
    }
    case "revoke": {
      const result = await revokeInvitation(parseId(values.invitationId), actor);
      if (!result.ok) return replyOrNotFound(result.refusal, { intent: "revoke", values: {} });
      return json({ intent: "revoke", errors: {}, values: {}, done: { key: "people.revoked", email: "" } });
    }
  }
}

export default function People() {
  const { users, invitations, organisations, page, q, canManage, selfId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const state = useZodForm(inviteSchema, {
    defaultValues: { fullName: "", email: "", role: "delegate", organisationId: "" },
    feedback: data?.intent === "invite" ? data : null,
  });
  const done = data && "done" in data ? data.done : null;
  const invited = data && "invited" in data ? data.invited : null;
  const pageError = data && data.intent !== "invite" ? (data.errors as Record<string, string>)[""] : null;

  return (
    <div className="space-y-8">
      <PageHeader title={t("people.title")}>
        {t("common.countOf", { shown: users.rows.length, total: users.total })}
      </PageHeader>
      {done ? <Notice tone="success">{t(done.key, { email: done.email })}</Notice> : null}
      {pageError ? <Notice tone="error">{t(pageError)}</Notice> : null}

      {canManage ? (
        <section className="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t("people.invite")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("people.inviteIntro")}</p>
          {invited ? (
            <Notice tone="success">
              {t("people.invited", {
                email: invited.email,
                date: formatInstant(invited.expiresAt, CONFERENCE_ZONE, locale),
              })}
            </Notice>
          ) : null}
          <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="invite" />
            <TextField state={state} name="fullName" label={t("people.fullName")} required />
            <TextField state={state} name="email" label={t("people.email")} type="email" inputMode="email" required />
            <SelectField
              state={state}
              name="role"
              label={t("people.role")}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              required
            />
            <SelectField
              state={state}
              name="organisationId"
              label={t("people.organisation")}
              options={[
                { value: "", label: t("people.noOrganisation") },
                ...ORGANISATION_KINDS.flatMap((k) =>
                  organisations
                    .filter((o) => o.kind === k)
                    .map((o) => ({
                      value: String(o.id),
                      label: `${pick(o.name_vi, o.name_en)} · ${t(`orgKind.${k}`)}`,
                    })),
                ),
              ]}
            />
            <div className="sm:col-span-2">
              <SubmitButton>{t("people.sendInvite")}</SubmitButton>
            </div>
          </ZodForm>
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="mb-3">
            {t("people.pendingInvitations")}
          </h2>
          <DataTable
            empty={<p className="text-sm text-slate-600">{t("people.noInvitations")}</p>}
            rows={invitations}
            rowKey={(i) => i.id}
            columns={[
              {
                key: "name",
                header: t("people.fullName"),
                cell: (i) => (
                  <>
                    {i.full_name}
                    <span className="block text-xs text-slate-500">{i.email}</span>
                  </>
                ),
              },
              { key: "role", header: t("people.role"), cell: (i) => t(`role.${i.role}`) },
              {
                key: "expires",
                header: t("people.expires"),
                cell: (i) => formatInstant(i.expires_at, CONFERENCE_ZONE, locale),
              },
              {
                key: "actions",
                header: t("common.actions"),
                hideHeader: true,
                cell: (i) => (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className="btn-link text-accent-700">
                      {t("people.revoke")}
                    </button>
                  </Form>
                ),
              },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3">
          {t("people.users")}
        </h2>
        <Form method="get" className="no-print mb-3 flex flex-wrap gap-2" role="search">
          {params.get("role") ? <input type="hidden" name="role" value={params.get("role")!} /> : null}
          <label htmlFor="people-search" className="sr-only">
            {t("common.search")}
          </label>
          <input
            id="people-search"
            name="q"
            type="search"
            defaultValue={q}
            className="input max-w-md flex-1"
            placeholder={t("people.searchPlaceholder")}
          />
          <button type="submit" className="btn-primary">
            {t("common.search")}
          </button>
        </Form>
        <div className="mb-3">
          <FilterChips
            name="role"
            label={t("people.role")}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </div>
        <DataTable
          empty={<EmptyState title={t("people.empty")} />}
          rows={users.rows}
          rowKey={(u) => u.id}
          columns={[
            {
              key: "name",
              header: t("people.fullName"),
              cell: (u) => (
                <>
                  {u.full_name}
                  <span className="block text-xs text-slate-500">{u.email}</span>
                </>
              ),
            },
            { key: "role", header: t("people.role"), cell: (u) => t(`role.${u.role}`) },
            {
              key: "organisation",
              header: t("people.organisation"),
              cell: (u) => pick(u.organisation_vi, u.organisation_en) || "—",
            },
            {
              key: "status",
              header: t("people.status"),
              cell: (u) => (
                <>
                  {u.heads_organisation ? <Badge tone="navy">{t("people.head")}</Badge> : null}{" "}
                  {u.disabled_at ? (
                    <Badge tone="red">{t("people.status.disabled")}</Badge>
                  ) : u.pending ? (
                    <Badge tone="amber">{t("people.status.invited")}</Badge>
                  ) : (
                    <Badge tone="green">{t("people.status.active")}</Badge>
                  )}
                </>
              ),
            },
            canManage && {
              key: "actions",
              header: t("common.actions"),
              hideHeader: true,
              cell: (u) => (
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {u.id !== selfId ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value={u.disabled_at ? "enable" : "disable"} />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="btn-link">
                        {u.disabled_at ? t("people.enable") : t("people.disable")}
                      </button>
                    </Form>
                  ) : null}
                  {u.organisation_kind === "mission" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value={u.heads_organisation ? "unhead" : "head"} />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="btn-link">
                        {u.heads_organisation ? t("people.removeHead") : t("people.makeHead")}
                      </button>
                    </Form>
                  ) : null}
                </div>
              ),
            },
          ]}
        />
        <Pagination page={page} pageSize={users.pageSize} total={users.total} />
      </section>
    </div>
  );
}
