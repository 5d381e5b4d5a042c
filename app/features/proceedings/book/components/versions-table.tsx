import { useLocale, useT } from "~/components/i18n";
import { formatBytes } from "~/components/job-progress";
import type { JobView } from "~/platform/jobs/protocol";

export interface VersionRow {
  id: number;
  state: string;
  version: number | null;
  pages: number | null;
  language: string | null;
  byName: string | null;
  /** Finished (or queued) at, in the conference's zone. */
  at: string;
  view: JobView;
}

/** Every generation: the finished ones with their download, the failed ones with their reason. */
export function BookVersions({ versions }: { versions: readonly VersionRow[] }) {
  const t = useT();
  const locale = useLocale();
  const shown = versions.filter((v) => v.state === "done" || v.state === "failed");
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby="book-versions">
      <h2 id="book-versions" className="text-lg font-semibold text-navy-900">
        {t("proceedings.book.page.versions")}
      </h2>
      {shown.length === 0 ? (
        <p className="text-slate-600">{t("proceedings.book.page.noVersions")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="book-versions-table">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("proceedings.book.version.number")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("proceedings.book.version.date")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("proceedings.book.version.pages")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("proceedings.book.version.size")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("proceedings.book.version.language")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("proceedings.book.version.by")}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t("proceedings.book.version.download")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {shown.map((v) =>
                v.state === "done" ? (
                  <tr key={v.id} data-testid="book-version">
                    <td className="py-2 pr-3 font-semibold">{v.version ?? "–"}</td>
                    <td className="py-2 pr-3">{v.at}</td>
                    <td className="py-2 pr-3 tabular-nums">{v.pages ?? "–"}</td>
                    <td className="py-2 pr-3 tabular-nums">{formatBytes(v.view.resultBytes ?? 0, locale)}</td>
                    <td className="py-2 pr-3">{v.language ? t(`proceedings.language.${v.language}`) : "–"}</td>
                    <td className="py-2 pr-3">{v.byName ?? "–"}</td>
                    <td className="py-2">
                      {v.view.download ? (
                        <a href={v.view.download} className="underline" download>
                          {t("proceedings.book.version.download")}
                          <span className="sr-only"> {v.view.resultName}</span>
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ) : (
                  <tr key={v.id} data-testid="book-version-failed" className="text-red-800">
                    <td className="py-2 pr-3">–</td>
                    <td className="py-2 pr-3">{v.at}</td>
                    <td className="py-2 pr-3" colSpan={5}>
                      {t("proceedings.book.version.failed")}.{" "}
                      {v.view.error ? t("proceedings.book.version.reason", { reason: v.view.error }) : null}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
