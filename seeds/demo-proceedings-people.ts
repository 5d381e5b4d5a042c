import type { Insertable, Kysely } from "kysely";
import type { Database, DocumentsTable } from "../db/schema";
import { nfc } from "../app/lib/text";
import type { SeededRandom } from "./demo-names";
import { PROVINCE_PROFILES, provincePresentation, type ProvinceProfile } from "./demo-proceedings-presentations";
import {
  MINISTRY_PROFILES,
  MISSION_PROFILES,
  ministryPresentation,
  missionPresentation,
} from "./demo-proceedings-missions";
import { storeExportsChart } from "./demo-proceedings-image";
import type { Theme } from "./demo-proceedings-blocks";

/**
 * Who gives the demo presentations and where: each province's leader (else its Director of External
 * Affairs, else whoever it sent), in the discussion its profile names unless the programme already
 * lists them as a speaker of the other one; speakers listed in the programme come first. A province
 * speaking in a discussion without a profile gets one from its region. Heads of missions speak at
 * the meeting with the diplomatic corps; ministries in the discussions. A few stay drafts.
 */

interface SessionRow {
  id: number;
  kind: string;
}
interface PersonRow {
  session_id: number;
  role: string;
  position: number;
  id: number;
}

const REGION_THEMES: Record<string, Theme[]> = {
  northern_midlands_mountains: ["agriculture", "tourism", "border"],
  red_river_delta: ["industry", "culture", "labour"],
  north_central_central_coast: ["seaport", "tourism", "labour"],
  central_highlands: ["agriculture", "culture"],
  southeast: ["industry", "digital"],
  mekong_delta: ["agriculture", "seaport"],
};
const CITIES = new Set(["prov-ha-noi", "prov-hai-phong", "prov-da-nang", "prov-ho-chi-minh", "prov-can-tho"]);
const LEADERS = ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Giám đốc Sở Ngoại vụ"];

export async function seedDemoPresentations(
  db: Kysely<Database>,
  o: {
    conferenceId: number;
    random: SeededRandom;
    sessions: SessionRow[];
    people: PersonRow[];
    createdBy: string | null;
    finalisedAt: (n: number) => string;
    seedAt: string;
    writtenAt: string;
  },
): Promise<number> {
  const registrations = await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.id", "r.position", "r.status", "o.code", "o.kind", "o.name_vi", "o.region", "o.country_vi"])
    .where("r.conference_id", "=", o.conferenceId)
    .where("r.status", "=", "approved")
    .orderBy("r.id")
    .execute();
  const [discussion1, discussion2] = o.sessions.filter((s) => s.kind === "discussion");
  const corps = o.sessions.find((s) => s.kind === "diplomatic_corps");
  const speakerOf = new Map(
    o.people.filter((p) => p.role === "speaker").map((p) => [p.id, { session: p.session_id, position: p.position }]),
  );
  const byRank = (code: string) => {
    const own = registrations.filter((r) => r.code === code);
    for (const title of LEADERS) {
      const found = own.find((r) => r.position.startsWith(title));
      if (found) return found;
    }
    return own[0];
  };
  const label = (code: string, name: string) =>
    name.startsWith("Thành phố") ? name : `${CITIES.has(code) ? "thành phố" : "tỉnh"} ${name}`;

  // Provinces with a profile, and those the programme lists as speaking in a discussion.
  const profiles: ProvinceProfile[] = [...PROVINCE_PROFILES];
  for (const p of o.people) {
    if (p.role !== "speaker" || (p.session_id !== discussion1?.id && p.session_id !== discussion2?.id)) continue;
    const reg = registrations.find((r) => r.id === p.id);
    if (!reg || reg.kind !== "province" || profiles.some((x) => x.code === reg.code)) continue;
    profiles.push({
      code: reg.code,
      city: CITIES.has(reg.code),
      themes: REGION_THEMES[reg.region ?? ""] ?? ["agriculture", "tourism"],
      partners: "các địa phương đối tác truyền thống ở châu Á và châu Âu",
      products: "nông sản chủ lực và sản phẩm OCOP",
      fact: "",
      discussion: p.session_id === discussion1?.id ? 1 : 2,
    });
  }

  interface Planned {
    row: Omit<Insertable<DocumentsTable>, "position" | "state" | "finalised_at" | "updated_at" | "created_at">;
    sessionId: number | null;
    order: number;
    chart?: boolean;
  }
  const planned: Planned[] = [];
  const base = (title: string, body: string, authorId: number | null, authorName: string, language: "vi" | "en") => ({
    conference_id: o.conferenceId,
    kind: "presentation" as const,
    title: nfc(title),
    author_registration_id: authorId,
    author_name: authorId === null ? nfc(authorName) : "",
    session_id: null as number | null,
    language,
    body: nfc(body),
    created_by: o.createdBy,
    updated_by: null,
  });
  for (const profile of profiles) {
    const org = await db
      .selectFrom("organisations")
      .select(["name_vi"])
      .where("code", "=", profile.code)
      .executeTakeFirst();
    if (!org) continue;
    const speaker = [...speakerOf.keys()]
      .map((id) => registrations.find((r) => r.id === id))
      .find((r) => r?.code === profile.code);
    const author = speaker ?? byRank(profile.code);
    const listed = author ? speakerOf.get(author.id) : undefined;
    const listedInDiscussion = listed && (listed.session === discussion1?.id || listed.session === discussion2?.id);
    const sessionId = listedInDiscussion
      ? listed.session
      : ((profile.discussion === 1 ? discussion1 : discussion2)?.id ?? null);
    const chart = profile.code === "prov-bac-giang";
    const text = provincePresentation(
      o.random,
      profile,
      label(profile.code, org.name_vi),
      org.name_vi,
      chart ? { id: 0, caption: "" } : undefined,
    );
    planned.push({
      row: {
        ...base(text.title, text.body, author?.id ?? null, `Lãnh đạo UBND ${label(profile.code, org.name_vi)}`, "vi"),
        session_id: sessionId,
      },
      sessionId,
      order: listedInDiscussion ? listed.position : 100 + planned.length,
      chart,
    });
  }
  for (const profile of MINISTRY_PROFILES) {
    const author = byRank(profile.code);
    const org = await db
      .selectFrom("organisations")
      .select("name_vi")
      .where("code", "=", profile.code)
      .executeTakeFirst();
    if (!org) continue;
    const text = ministryPresentation(profile, org.name_vi);
    const sessionId = (profile.discussion === 1 ? discussion1 : discussion2)?.id ?? null;
    planned.push({
      row: {
        ...base(text.title, text.body, author?.id ?? null, `Lãnh đạo ${org.name_vi}`, "vi"),
        session_id: sessionId,
      },
      sessionId,
      order: 200 + planned.length,
    });
  }
  for (const profile of MISSION_PROFILES) {
    const author = registrations.find((r) => r.code === profile.code);
    const org = await db
      .selectFrom("organisations")
      .select(["name_vi", "country_vi", "country_en"])
      .where("code", "=", profile.code)
      .executeTakeFirst();
    if (!org) continue;
    const country = (profile.language === "en" ? org.country_en : org.country_vi) ?? "";
    const text = missionPresentation(profile, country);
    planned.push({
      row: {
        ...base(
          text.title,
          text.body,
          author?.id ?? null,
          `Đại sứ Đặc mệnh Toàn quyền Việt Nam tại ${org.country_vi}`,
          profile.language,
        ),
        session_id: corps?.id ?? null,
      },
      sessionId: corps?.id ?? null,
      order: 300 + planned.length,
    });
  }

  const present = new Set(
    (await db.selectFrom("documents").select("title").where("conference_id", "=", o.conferenceId).execute()).map(
      (d) => d.title,
    ),
  );
  // A few are still drafts: the secretariat is waiting for the speaker's corrections.
  const drafts = new Set([5, 17, 29].map((i) => planned[i]?.row.title));
  const positions = new Map<number | null, number>();
  let inserted = 0;
  const ordered = [...planned].sort((a, b) => (a.sessionId ?? 0) - (b.sessionId ?? 0) || a.order - b.order);
  for (const [n, p] of ordered.entries()) {
    if (present.has(p.row.title)) continue;
    const position = (positions.get(p.sessionId) ?? 0) + 1;
    positions.set(p.sessionId, position);
    const final = !drafts.has(p.row.title) || p.chart;
    const { id } = await db
      .insertInto("documents")
      .values({
        ...p.row,
        state: final ? "final" : "draft",
        position,
        finalised_at: final ? o.finalisedAt(n + 3) : null,
        created_at: final ? o.writtenAt : o.seedAt,
        updated_at: final ? o.finalisedAt(n + 3) : o.seedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (p.chart) {
      const image = await storeExportsChart();
      const row = await db
        .insertInto("document_images")
        .values({
          ...image,
          document_id: id,
          caption: nfc(image.caption),
          created_by: o.createdBy,
          created_at: o.writtenAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("documents")
        .set({ body: nfc(String(p.row.body).replace("![](image:0)", `![${image.caption}](image:${row.id})`)) })
        .where("id", "=", id)
        .execute();
    }
    inserted += 1;
  }
  return inserted;
}
