import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden, requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SelectField, SubmitButton, TextField, useZodForm, ZodForm } from "~/components/form";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { Badge, EmptyState, FilterChips, Notice, PageHeader, Pagination, parsePage } from "~/components/ui";
import { can } from "~/auth/permissions";
import { ORGANISATION_KINDS, ROLES, type Role } from "~/auth/roles";
import { formValues, parseWith } from "~/platform/forms/fields";
import { inviteSchema } from "~/features/people/schema";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/features/people/invitations.server";
import { listOrganisationOptions } from "~/features/people/organisations.server";
import { listUsers, setOrganisationHead, setUserDisabled } from "~/features/people/users.server";

export const meta: MetaFunction = () => [{ title: "Người dùng · Hội nghị Ngoại vụ" }];

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

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  switch (values.intent) {
    case "invite": {
      const user = await requirePermission(request, "invite:user");
      const parsed = parseWith(inviteSchema, values);
      if (!parsed.ok) return json({ intent: "invite", errors: parsed.errors, values }, { status: 400 });
      const result = await createInvitation(parsed.data, { id: user.id, ip, locale: user.locale });
      if (!result.ok) return json({ intent: "invite", errors: result.errors, values }, { status: 400 });
      // The link goes to the invitee's mailbox only: staff never hold a live one-time link.
      return json({ intent: "invite", errors: {}, values: {}, invited: { email: parsed.data.email, expiresAt: result.expiresAt } });
    }
    case "disable":
    case "enable": {
      const user = await requirePermission(request, "update:user:any");
      if (values.userId === user.id) return json({ intent: values.intent, errors: { "": "people.cannotDisableSelf" }, values: {} }, { status: 400 });
      const target = await setUserDisabled(values.userId ?? "", values.intent === "disable", { id: user.id, ip });
      if (!target) throw json({ message: "error.notFound.title" }, { status: 404 });
      return json({ intent: values.intent, errors: {}, values: {}, done: { key: values.intent === "disable" ? "people.disabled" : "people.enabled", email: target.email } });
    }
    case "head":
    case "unhead": {
      const user = await requirePermission(request, "update:user:any");
      const result = await setOrganisationHead(values.userId ?? "", values.intent === "head", { id: user.id, ip });
      if (!result.ok) return json({ intent: values.intent, errors: { "": result.key }, values: {} }, { status: result.key === "error.notFound.title" ? 404 : 400 });
      return json({ intent: values.intent, errors: {}, values: {}, done: { key: values.intent === "head" ? "people.madeHead" : "people.removedHead", email: result.email } });
    }
    case "revoke": {
      const user = await requirePermission(request, "invite:user");
      const done = await revokeInvitation(Number(values.invitationId), { id: user.id, ip });
      if (!done) throw json({ message: "error.notFound.title" }, { status: 404 });
      return json({ intent: "revoke", errors: {}, values: {}, done: { key: "people.revoked", email: "" } });
    }
    default:
      // Someone without the page's write permissions gets the same 403 whatever they send.
      await requirePermission(request, "invite:user");
      forbidden();
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
      <PageHeader title={t("people.title")}>{t("common.countOf", { shown: users.rows.length, total: users.total })}</PageHeader>
      {done ? <Notice tone="success">{t(done.key, { email: done.email })}</Notice> : null}
      {pageError ? <Notice tone="error">{t(pageError)}</Notice> : null}

      {canManage ? (
        <section className="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t("people.invite")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("people.inviteIntro")}</p>
          {invited ? (
            <Notice tone="success">
              {t("people.invited", { email: invited.email, date: formatInstant(invited.expiresAt, CONFERENCE_ZONE, locale) })}
            </Notice>
          ) : null}
          <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="invite" />
            <TextField state={state} name="fullName" label={t("people.fullName")} required />
            <TextField state={state} name="email" label={t("people.email")} type="email" inputMode="email" required />
            <SelectField state={state} name="role" label={t("people.role")} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} required />
            <SelectField
              state={state}
              name="organisationId"
              label={t("people.organisation")}
              options={[
                { value: "", label: t("people.noOrganisation") },
                ...ORGANISATION_KINDS.flatMap((k) =>
                  organisations.filter((o) => o.kind === k).map((o) => ({ value: String(o.id), label: `${pick(o.name_vi, o.name_en)} · ${t(`orgKind.${k}`)}` })),
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
          <h2 id="pending-heading" className="mb-3">{t("people.pendingInvitations")}</h2>
          {invitations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("people.noInvitations")}</p>
          ) : (
            <div className="card overflow-x-auto p-0">
              <table className="table table-stack">
                <thead>
                  <tr>
                    <th scope="col">{t("people.fullName")}</th>
                    <th scope="col">{t("people.role")}</th>
                    <th scope="col">{t("people.expires")}</th>
                    <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((i) => (
                    <tr key={i.id}>
                      <td data-label={t("people.fullName")}>{i.full_name}<span className="block text-xs text-slate-500">{i.email}</span></td>
                      <td data-label={t("people.role")}>{t(`role.${i.role}`)}</td>
                      <td data-label={t("people.expires")}>{formatInstant(i.expires_at, CONFERENCE_ZONE, locale)}</td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="invitationId" value={i.id} />
                          <button type="submit" className="btn-link text-accent-700">{t("people.revoke")}</button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3">{t("people.users")}</h2>
        <Form method="get" className="no-print mb-3 flex flex-wrap gap-2" role="search">
          {params.get("role") ? <input type="hidden" name="role" value={params.get("role")!} /> : null}
          <label htmlFor="people-search" className="sr-only">{t("common.search")}</label>
          <input id="people-search" name="q" type="search" defaultValue={q} className="input max-w-md flex-1" placeholder={t("people.searchPlaceholder")} />
          <button type="submit" className="btn-primary">{t("common.search")}</button>
        </Form>
        <div className="mb-3">
          <FilterChips name="role" label={t("people.role")} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </div>
        {users.rows.length === 0 ? (
          <EmptyState title={t("people.empty")} />
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">{t("people.fullName")}</th>
                  <th scope="col">{t("people.role")}</th>
                  <th scope="col">{t("people.organisation")}</th>
                  <th scope="col">{t("people.status")}</th>
                  {canManage ? <th scope="col"><span className="sr-only">{t("common.actions")}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {users.rows.map((u) => (
                  <tr key={u.id}>
                    <td data-label={t("people.fullName")}>{u.full_name}<span className="block text-xs text-slate-500">{u.email}</span></td>
                    <td data-label={t("people.role")}>{t(`role.${u.role}`)}</td>
                    <td data-label={t("people.organisation")}>{pick(u.organisation_vi, u.organisation_en) || "—"}</td>
                    <td data-label={t("people.status")}>
                      {u.heads_organisation ? <Badge tone="navy">{t("people.head")}</Badge> : null}{" "}
                      {u.disabled_at ? (
                        <Badge tone="red">{t("people.status.disabled")}</Badge>
                      ) : u.pending ? (
                        <Badge tone="amber">{t("people.status.invited")}</Badge>
                      ) : (
                        <Badge tone="green">{t("people.status.active")}</Badge>
                      )}
                    </td>
                    {canManage ? (
                      <td>
                        {u.id !== selfId ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value={u.disabled_at ? "enable" : "disable"} />
                            <input type="hidden" name="userId" value={u.id} />
                            <button type="submit" className="btn-link">{u.disabled_at ? t("people.enable") : t("people.disable")}</button>
                          </Form>
                        ) : null}
                        {u.organisation_kind === "mission" ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value={u.heads_organisation ? "unhead" : "head"} />
                            <input type="hidden" name="userId" value={u.id} />
                            <button type="submit" className="btn-link">{u.heads_organisation ? t("people.removeHead") : t("people.makeHead")}</button>
                          </Form>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={users.pageSize} total={users.total} />
      </section>
    </div>
  );
}
