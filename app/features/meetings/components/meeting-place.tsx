import { useBilingual, useT } from "~/components/i18n";
import { Badge } from "~/components/ui";
import type { MeetingPlace as Place } from "../meeting-outcomes.server";

/** Only web links are rendered as links; anything else the organisers typed is shown as text. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

function VideoLink({ url }: { url: string }) {
  const t = useT();
  return (
    <p className="mt-1">
      {isWebLink(url) ? (
        <a className="btn-link break-all" href={url} target="_blank" rel="noreferrer">
          {t("meetingsDelegate.place.join")}
        </a>
      ) : null}
      <span className="block break-all text-xs text-slate-600">{url}</span>
    </p>
  );
}

/**
 * Where the viewer's organisation meets: the video link when it takes part online, else its
 * table and room; and to both sides, that a party attends online ("Đại sứ quán tham dự trực
 * tuyến"), with the link when the organisers have set it.
 */
export function MeetingPlace({ place }: { place: Place }) {
  const t = useT();
  const pick = useBilingual();
  const counterpartNotice = place.counterpartOnline ? (
    <p className="mt-1 text-sm font-medium text-navy-900" data-testid="counterpart-online">
      {t(`meetingsDelegate.place.onlineParty.${place.counterpartWording}`)}
    </p>
  ) : null;
  if (place.online) {
    return (
      <div className="text-sm" data-testid="meeting-place" data-online="true">
        <Badge tone="navy">{t(`meetingsDelegate.place.onlineParty.${place.wording}`)}</Badge>
        {counterpartNotice}
        {place.videoUrl ? (
          <VideoLink url={place.videoUrl} />
        ) : (
          <p className="mt-1 text-slate-600">{t("meetingsDelegate.place.linkToFollow")}</p>
        )}
      </div>
    );
  }
  return (
    <div className="text-sm" data-testid="meeting-place" data-online="false">
      {place.table ? (
        <p>
          <span className="font-semibold">{t("meetingsDelegate.place.table", { number: place.table.number })}</span>
          {place.table.label ? ` · ${place.table.label}` : ""}
          {place.table.room_vi ? (
            <span className="text-slate-600"> · {pick(place.table.room_vi, place.table.room_en)}</span>
          ) : null}
        </p>
      ) : (
        <p className="text-slate-600">{t("meetingsDelegate.place.tableToFollow")}</p>
      )}
      {counterpartNotice}
      {place.counterpartOnline ? (
        <>
          <p className="text-xs text-slate-700">{t("meetingsDelegate.place.onScreen")}</p>
          {place.videoUrl ? <VideoLink url={place.videoUrl} /> : null}
        </>
      ) : null}
    </div>
  );
}
