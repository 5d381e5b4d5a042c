import { getDb } from "~/platform/db.server";
import { nowIso } from "~/lib/clock";
import { demoConference, organisationId } from "../../helpers/factories";

/** Each test starts with an empty register (the demo seeds may hold some). */
export async function resetAgreements() {
  await getDb().deleteFrom("agreements").execute();
}

/** The form as the browser posts it: a valid agreement unless `overrides` say otherwise. */
export const agreementForm = (overrides: Record<string, string> = {}) => ({
  intent: "save",
  title: "Bản ghi nhớ hợp tác xúc tiến thương mại nông sản",
  foreignParty: "Tỉnh Gunma",
  countryCode: "JP",
  field: "trade",
  kind: "memorandum",
  signedPlace: "",
  missionId: "",
  meetingRequestId: "",
  summary: "",
  organisationId: "",
  ...overrides,
});

/** An agreement stored directly (the model's checks are tested elsewhere). */
export async function storedAgreement(code: string, values: Record<string, unknown> = {}) {
  const conference = await demoConference();
  const at = nowIso();
  const row = await getDb()
    .insertInto("agreements")
    .values({
      conference_id: conference.id,
      organisation_id: await organisationId(code),
      title: `Thỏa thuận của ${code}`,
      foreign_party: "Tỉnh Gyeonggi",
      country_code: "KR",
      field: "investment",
      kind: "agreement",
      created_at: at,
      updated_at: at,
      ...values,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An accepted meeting request between two organisations, as the meetings feature leaves it. */
export async function acceptedRequest(fromCode: string, toCode: string, status = "accepted") {
  const conference = await demoConference();
  const row = await getDb()
    .insertInto("meeting_requests")
    .values({
      conference_id: conference.id,
      from_organisation_id: await organisationId(fromCode),
      to_organisation_id: await organisationId(toCode),
      sector: "Nông nghiệp",
      ask: "Xuất khẩu vải thiều",
      priority: 2,
      status: status as "accepted",
      decline_reason: "",
      requested_by: null,
      answered_by: null,
      created_at: nowIso(),
      answered_at: nowIso(),
      withdrawn_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
