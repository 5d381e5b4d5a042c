import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useLocale, useRootData, useT } from "~/components/i18n";
import { Notice } from "~/components/ui";
import { formatInstant, offsetLabel, zoneCity, zonedDate, zonesDiffer } from "~/lib/time";
import type { ActionData, MeetingsLoader } from "~/routes/meetings/route";

/** A slot's wall-clock times in the conference zone and, where it differs, in the viewer's (with the date if that differs too). */
export function SlotTime({ start, end, zone }: { start: string; end: string; zone: string }) {
  const locale = useLocale();
  const t = useT();
  const viewerZone = useRootData()?.viewerZone ?? zone;
  const range = (z: string) => `${formatInstant(start, z, locale, "time")}–${formatInstant(end, z, locale, "time")}`;
  const otherDay = zonedDate(start, viewerZone) !== zonedDate(start, zone);
  return (
    <span>
      <time dateTime={start} className="font-semibold">
        {range(zone)}
      </time>
      {zonesDiffer(start, zone, viewerZone) ? (
        <span className="block text-xs text-slate-600" data-testid="viewer-time">
          {t("meetingsDelegate.slot.yourZone", {
            time: `${otherDay ? `${formatInstant(start, viewerZone, locale, "date")} ` : ""}${range(viewerZone)}`,
            city: zoneCity(viewerZone),
          })}
        </span>
      ) : null}
    </span>
  );
}

/** The "slot taken" refusal, with its time in the conference zone and the counterpart in the reader's language. */
function RefusalText({ result, zone }: { result: ActionData; zone: string }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const key = result.errors[""];
  const p = result.params ?? {};
  if (key !== "meetingsDelegate.errors.slotTaken") return <>{t(key)}</>;
  const time = `${formatInstant(String(p.startsAt), zone, locale, "date")} ${formatInstant(String(p.startsAt), zone, locale, "time")}`;
  return (
    <>
      {t(key, { time, counterpart: pick(String(p.counterpartVi), String(p.counterpartEn)) })}
      {Number(p.more) > 0 ? ` ${t("meetingsDelegate.errors.slotTakenMore", { more: Number(p.more) })}` : null}
    </>
  );
}

/**
 * The party's availability per slot of the block, grouped by day: one checkbox
 * per slot. A plain form: it works the same without JavaScript.
 */
export function AvailabilitySection({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<MeetingsLoader>();
  const t = useT();
  const pick = useBilingual();
  const locale = useLocale();
  const availability = data.availability;
  const refusedWith = result && !result.done ? result : null;
  return (
    <section className="card" aria-labelledby="availability-title" id="availability" data-testid="availability">
      <h2 id="availability-title" className="text-lg font-semibold">
        {t("meetingsDelegate.availability.title")}
      </h2>
      {!availability ? (
        <p className="mt-2 text-sm text-slate-600">{t("meetingsDelegate.availability.notOpen")}</p>
      ) : (
        (() => {
          const total = availability.slots.length;
          const count = availability.slots.filter((s) => s.available).length;
          // After a refusal, show the boxes as they were sent, so nothing typed is lost.
          const sent = refusedWith
            ? new Set((refusedWith.values.slots ?? "").split(",").filter(Boolean).map(Number))
            : null;
          const checked = (s: (typeof availability.slots)[number]) => (sent ? sent.has(s.id) : s.available);
          const days: Array<{ day: string; slots: typeof availability.slots }> = [];
          for (const s of availability.slots) {
            const day = zonedDate(s.starts_at, data.zone);
            const last = days[days.length - 1];
            if (last?.day === day) last.slots.push(s);
            else days.push({ day, slots: [s] });
          }
          const revision =
            availability.slots.map((s) => (checked(s) ? 1 : 0)).join("") + (result ? JSON.stringify(result) : "");
          const boxes: ReactNode = days.map(({ day, slots }) => (
            <fieldset key={day} className="mt-4">
              <legend className="text-sm font-semibold text-navy-900">
                {t("meetingsDelegate.availability.legend", {
                  day: formatInstant(slots[0].starts_at, data.zone, locale, "longDate"),
                })}
                <span className="ml-2 text-xs font-normal text-slate-500">
                  {t("time.conferenceZone", { offset: offsetLabel(slots[0].starts_at, data.zone) })}
                </span>
              </legend>
              <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {slots.map((s) => {
                  const taken = sent !== null && s.meeting !== null && !sent.has(s.id);
                  return (
                    <li key={s.id}>
                      <label
                        className={`flex h-full items-start gap-3 rounded-md border px-3 py-2 text-sm ${taken ? "border-accent-600 bg-red-50" : checked(s) ? "border-navy-300 bg-navy-50" : "border-slate-200 bg-white"}`}
                      >
                        <input
                          type="checkbox"
                          name="slot"
                          value={s.id}
                          defaultChecked={checked(s)}
                          disabled={!data.mayAct}
                          aria-invalid={taken || undefined}
                          className="mt-0.5 h-4 w-4 shrink-0"
                        />
                        <span className="min-w-0">
                          <SlotTime start={s.starts_at} end={s.ends_at} zone={data.zone} />
                          {s.meeting ? (
                            <span className="block text-xs text-slate-700">
                              {t("meetingsDelegate.availability.hasMeeting", {
                                counterpart: pick(s.meeting.counterpart_vi, s.meeting.counterpart_en),
                              })}
                            </span>
                          ) : null}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ));
          return (
            <>
              <p className="mt-1 text-sm text-slate-600">{t("meetingsDelegate.availability.intro")}</p>
              <p className="mt-2 text-sm font-medium" data-testid="availability-summary">
                {!availability.limited
                  ? t("meetingsDelegate.availability.all")
                  : count === 0
                    ? t("meetingsDelegate.availability.none")
                    : t("meetingsDelegate.availability.some", { count, total })}
              </p>
              {result?.done ? (
                <div className="mt-3">
                  <Notice tone="success">{t(result.done)}</Notice>
                </div>
              ) : null}
              {refusedWith ? (
                <div className="mt-3">
                  <Notice tone="error">
                    <RefusalText result={refusedWith} zone={data.zone} />
                  </Notice>
                </div>
              ) : null}
              {data.mayAct ? (
                <Form method="post" key={revision} preventScrollReset>
                  <input type="hidden" name="intent" value="availability" />
                  {boxes}
                  <div className="mt-4">
                    <SubmitButton name="intent" value="availability">
                      {t("meetingsDelegate.availability.save")}
                    </SubmitButton>
                  </div>
                </Form>
              ) : (
                <>
                  <div className="mt-3">
                    <Notice tone="info">
                      {data.refusal
                        ? `${t(data.refusal)} ${t("meetingsDelegate.availability.readOnly")}`
                        : t("meetingsDelegate.availability.readOnly")}
                    </Notice>
                  </div>
                  {boxes}
                </>
              )}
            </>
          );
        })()
      )}
    </section>
  );
}
