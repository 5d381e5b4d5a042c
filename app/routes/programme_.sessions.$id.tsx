import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { Badge, PageHeader } from "~/components/ui";
import { publishedProgramme } from "~/features/agenda/programme.server";
import { MarkdownView } from "~/features/proceedings/documents/components/markdown-view";
import {
  finalSessionDocuments,
  sessionSummaries,
  summaryWriter,
} from "~/features/proceedings/documents/summaries.server";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { notFound, parseId } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.documents.session.link");

/**
 * A session's own page, for whoever sees the programme (published sessions only): its time, room,
 * people and description, and once final its summary and documents. Drafts never show here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const conference = await requireConference();
  const id = parseId(params.id);
  const session = (await publishedProgramme(conference.id)).find((s) => s.id === id);
  if (!session) notFound();
  const db = getDb();
  const user = await getUser(request);
  const [summaries, documents, writer] = await Promise.all([
    sessionSummaries(db, id),
    finalSessionDocuments(db, id),
    session.kind === "discussion"
      ? summaryWriter(db, conference.id, id, user ? { id: user.id, staff: can(user.role, "update:document") } : null)
      : null,
  ]);
  return json({
    messages: await requestMessages(request, "agenda", "proceedings"),
    zone: conference.time_zone,
    session: {
      id: session.id,
      kind: session.kind,
      title_vi: session.title_vi,
      title_en: session.title_en,
      description_vi: session.description_vi,
      description_en: session.description_en,
      starts_at: session.starts_at,
      ends_at: session.ends_at,
      room_vi: session.room_vi,
      room_en: session.room_en,
      online: Boolean(session.stream_url ?? session.room_stream_url),
      people: session.people.map((p) => ({
        registration_id: p.registration_id,
        role: p.role,
        full_name: p.full_name,
        organisation_vi: p.organisation_vi,
        organisation_en: p.organisation_en,
      })),
    },
    summaries: summaries
      .filter((s) => s.state === "final")
      .map((s) => ({ id: s.id, language: s.language, body: s.body })),
    documents: documents
      .filter((d) => d.kind !== "summary")
      .map((d) => ({ id: d.id, kind: d.kind, title: d.title, author: d.author_registered ?? d.author_name })),
    canWrite: writer !== null,
  });
}

const S = "proceedings.documents.session";

export default function SessionPage() {
  const { session, summaries, documents, canWrite, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const description = pick(session.description_vi, session.description_en);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={pick(session.title_vi, session.title_en)}
        action={
          canWrite ? (
            <Link to={`/programme/sessions/${session.id}/summary`} className="btn-primary" data-testid="write-summary">
              {t(`${S}.writeSummary`)}
            </Link>
          ) : undefined
        }
      >
        <Link to="/programme" className="link">
          {t(`${S}.back`)}
        </Link>
      </PageHeader>
      <section className="card space-y-3" aria-label={t("programme.people")}>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="navy">{t(`programme.kind.${session.kind}`)}</Badge>
          {session.online ? <Badge tone="grey">{t(`${S}.online`)}</Badge> : null}
        </div>
        <div className="text-sm">
          <ConferenceTime iso={session.starts_at} endIso={session.ends_at} zone={zone} />
        </div>
        <p className="text-sm text-slate-700">
          {session.room_vi
            ? t("programme.room", { room: pick(session.room_vi, session.room_en ?? session.room_vi) })
            : t("programme.noRoom")}
        </p>
        {session.people.length ? (
          <ul className="space-y-0.5 text-sm" data-testid="session-people">
            {session.people.map((p) => (
              <li key={`${p.role}-${p.registration_id}`}>
                <span className="font-semibold">{t(`programme.role.${p.role}`)}:</span> {p.full_name},{" "}
                {pick(p.organisation_vi, p.organisation_en)}
              </li>
            ))}
          </ul>
        ) : null}
        {description ? <p className="whitespace-pre-line text-sm text-slate-700">{description}</p> : null}
      </section>
      {summaries.map((summary) => (
        <section
          key={summary.id}
          className="card"
          aria-labelledby={`summary-${summary.id}`}
          data-testid="session-summary"
        >
          <h2 id={`summary-${summary.id}`} className="mb-3 text-xl font-semibold text-navy-900">
            {summaries.length > 1
              ? t(`${S}.summaryIn`, { language: t(`proceedings.language.${summary.language}`) })
              : t(`${S}.summary`)}
          </h2>
          <div lang={summary.language}>
            <MarkdownView
              markdown={summary.body}
              headingOffset={2}
              imageSrc={(imageId) => `/programme/sessions/${session.id}/documents/${summary.id}/images/${imageId}`}
            />
          </div>
          <a href={`/programme/sessions/${session.id}/documents/${summary.id}/pdf`} className="link text-sm">
            {t("proceedings.documents.pdfLink")}
          </a>
        </section>
      ))}
      <section className="card" aria-labelledby="session-documents">
        <h2 id="session-documents" className="mb-3 text-xl font-semibold text-navy-900">
          {t(`${S}.documents`)}
        </h2>
        {documents.length === 0 ? (
          <p className="text-sm text-slate-600">{t(`${S}.noDocuments`)}</p>
        ) : (
          <ul className="space-y-2" data-testid="session-documents">
            {documents.map((d) => (
              <li key={d.id}>
                <a href={`/programme/sessions/${session.id}/documents/${d.id}/pdf`} className="link font-semibold">
                  {d.title}
                </a>
                <span className="block text-sm text-slate-600">
                  {t(`proceedings.documentKind.${d.kind}`)}
                  {d.author ? ` · ${d.author}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
