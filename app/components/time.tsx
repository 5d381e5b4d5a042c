import { formatInstant, formatRange, offsetLabel, zoneCity, zonesDiffer, type DateStyle } from "~/lib/time";
import { useLocale, useRootData, useT } from "./i18n";

/** A conference time in Hà Nội time and, where the viewer's zone differs, in theirs. */
export function ConferenceTime({
  iso,
  endIso,
  style = "dateTime",
  zone,
}: {
  iso: string;
  endIso?: string;
  style?: DateStyle;
  zone: string;
}) {
  const locale = useLocale();
  const t = useT();
  const viewerZone = useRootData()?.viewerZone ?? zone;
  const show = (z: string) =>
    endIso ? formatRange(iso, endIso, z, locale, style !== "date") : formatInstant(iso, z, locale, style);
  return (
    <span>
      <time dateTime={iso}>{show(zone)}</time>{" "}
      <span className="block text-xs text-slate-500">
        {t("time.conferenceZone", { offset: offsetLabel(iso, zone) })}
      </span>
      {zonesDiffer(iso, zone, viewerZone) ? (
        <span className="block text-xs text-slate-600" data-testid="viewer-time">
          {t("time.yourZone", {
            time: show(viewerZone),
            city: zoneCity(viewerZone),
            offset: offsetLabel(iso, viewerZone),
          })}
        </span>
      ) : null}
    </span>
  );
}
