import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { Badge, FilterSelect, PageHeader } from "~/components/ui";
import {
  documentAuthorOptions,
  listDocuments,
  sessionOptions,
} from "~/features/proceedings/documents/documents.server";
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, DOCUMENT_STATES } from "~/features/proceedings/rules";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { idOf } from "~/http/refusal.server";
import { formatInstant } from "~/lib/time";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.documents.title");

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | "" =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : "";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:document");
  const conference = await requireConference();
  const params = new URL(request.url).searchParams;
  const filters = {
    kind: oneOf(DOCUMENT_KINDS, params.get("kind")),
    state: oneOf(DOCUMENT_STATES, params.get("state")),
    language: oneOf(DOCUMENT_LANGUAGES, params.get("language")),
    session: idOf(params.get("session")),
    author: idOf(params.get("author")),
    q: (params.get("q") ?? "").slice(0, 200),
  };
  const db = getDb();
  const [rows, sessions, authors] = await Promise.all([
    listDocuments(db, conference.id, {
      kind: filters.kind || null,
      state: filters.state || null,
      language: filters.language || null,
      sessionId: filters.session,
      authorRegistrationId: filters.author,
      q: filters.q,
    }),
    sessionOptions(db, conference.id),
    // The filter offers the authors of a document, not every delegate (the page stays light).
    documentAuthorOptions(db, conference.id),
  ]);
  return json({
    messages: await requestMessages(request, "proceedings"),
    zone: conference.time_zone,
    filters,
    // Only the columns the table shows.
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      author: r.author,
      kind: r.kind,
      session_vi: r.session_vi,
      session_en: r.session_en,
      language: r.language,
      state: r.state,
      updated_at: r.updated_at,
      length: r.length,
    })),
    sessions: sessions.map((s) => ({ id: s.id, title_vi: s.title_vi, title_en: s.title_en })),
    authors,
  });
}

const D = "proceedings.documents";

export default function DocumentsList() {
  const { rows, sessions, authors, filters, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const bi = useBilingual();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <PageHeader
        title={t(`${D}.title`)}
        action={
          <Link to="/admin/documents/new" className="btn-primary">
            {t(`${D}.new`)}
          </Link>
        }
      >
        {t(`${D}.intro`)} <span data-testid="document-count">{t(`${D}.count`, { n: rows.length })}</span>
      </PageHeader>
      <Form method="get" role="search" className="no-print grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <div className="lg:col-span-2">
          <label htmlFor="document-search" className="label">
            {t(`${D}.filter.search`)}
          </label>
          <input id="document-search" name="q" type="search" defaultValue={filters.q} className="input" />
        </div>
        <FilterSelect
          anyLabel={t(`${D}.filter.any`)}
          name="kind"
          label={t(`${D}.field.kind`)}
          value={filters.kind}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`proceedings.documentKind.${k}`) }))}
        />
        <FilterSelect
          anyLabel={t(`${D}.filter.any`)}
          name="state"
          label={t(`${D}.field.state`)}
          value={filters.state}
          options={DOCUMENT_STATES.map((s) => ({ value: s, label: t(`proceedings.documentState.${s}`) }))}
        />
        <FilterSelect
          anyLabel={t(`${D}.filter.any`)}
          name="language"
          label={t(`${D}.field.language`)}
          value={filters.language}
          options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`proceedings.language.${l}`) }))}
        />
        <FilterSelect
          anyLabel={t(`${D}.filter.any`)}
          name="session"
          label={t(`${D}.field.session`)}
          value={filters.session ? String(filters.session) : ""}
          options={sessions.map((s) => ({ value: String(s.id), label: bi(s.title_vi, s.title_en) }))}
        />
        <FilterSelect
          anyLabel={t(`${D}.filter.any`)}
          name="author"
          label={t(`${D}.field.author`)}
          value={filters.author ? String(filters.author) : ""}
          options={authors.map((a) => ({
            value: String(a.id),
            label: `${a.full_name} (${bi(a.organisation_vi, a.organisation_en)})`,
          }))}
        />
        <div className="flex gap-2 lg:col-span-6">
          <button type="submit" className="btn-primary">
            {t(`${D}.filter.apply`)}
          </button>
          <Link to="/admin/documents" className="btn-secondary">
            {t(`${D}.filter.clear`)}
          </Link>
        </div>
      </Form>
      <DataTable
        testId="documents"
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ "data-state": r.state })}
        empty={<p className="card text-sm text-slate-700">{t(`${D}.empty`)}</p>}
        columns={[
          {
            key: "title",
            header: t(`${D}.field.title`),
            rowHeader: true,
            cell: (r) => (
              <>
                <Link to={`/admin/documents/${r.id}`} className="font-semibold text-navy-700 underline">
                  {r.title}
                </Link>
                {r.author ? <span className="block text-xs text-slate-600">{r.author}</span> : null}
              </>
            ),
          },
          { key: "kind", header: t(`${D}.field.kind`), cell: (r) => t(`proceedings.documentKind.${r.kind}`) },
          {
            key: "session",
            header: t(`${D}.field.session`),
            cell: (r) => (r.session_vi ? bi(r.session_vi, r.session_en ?? r.session_vi) : "—"),
          },
          { key: "language", header: t(`${D}.field.language`), cell: (r) => t(`proceedings.language.${r.language}`) },
          {
            key: "state",
            header: t(`${D}.field.state`),
            cell: (r) => (
              <Badge tone={r.state === "final" ? "green" : "grey"}>{t(`proceedings.documentState.${r.state}`)}</Badge>
            ),
          },
          {
            key: "updated",
            header: t(`${D}.field.updated`),
            cell: (r) => (
              <>
                {formatInstant(r.updated_at, zone, locale, "dateTime")}
                <span className="block text-xs text-slate-500">{t(`${D}.length`, { n: r.length })}</span>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
