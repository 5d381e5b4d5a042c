import type { Content } from "pdfmake/interfaces";
import { isKeyOf } from "~/platform/i18n";
import { proceedingsDictionary, translate } from "~/features/proceedings/i18n";
import type { SectionContext } from "~/features/proceedings/book/section";
import type { SignedAgreementRow } from "~/features/proceedings/book/sections/agreements-signed";
import type { FiguresData } from "~/features/proceedings/book/sections/figures";
import type { HeldMeeting } from "~/features/proceedings/book/sections/meetings";
import type { CatalogueExhibitor } from "~/features/exhibition/pdf/catalogue";
import { AGREEMENT_STATES } from "~/features/proceedings/rules";

/** The book's context in a language, with the real messages (a missing key throws in tests). */
export function sectionContext(locale: "vi" | "en" = "vi"): SectionContext {
  return {
    locale,
    timeZone: "Asia/Ho_Chi_Minh",
    t: (key, params) => {
      if (!isKeyOf(proceedingsDictionary, key)) throw new Error(`missing message ${key}`);
      return translate(locale, key, params);
    },
    contentWidth: 595.28 - 128,
  };
}

/** Every string in a pdfmake content tree, in order. */
export function textsOf(content: unknown): string[] {
  if (typeof content === "string") return [content];
  if (Array.isArray(content)) return content.flatMap(textsOf);
  if (content && typeof content === "object") {
    const node = content as Record<string, unknown>;
    return ["text", "stack", "columns", "table", "body", "ul", "ol"].flatMap((k) =>
      k in node ? textsOf(node[k]) : [],
    );
  }
  return [];
}

/** Every node of a content tree (objects), depth first. */
export function nodesOf(content: unknown): Record<string, unknown>[] {
  if (Array.isArray(content)) return content.flatMap(nodesOf);
  if (content && typeof content === "object") {
    const node = content as Record<string, unknown>;
    return [node, ...Object.values(node).flatMap(nodesOf)];
  }
  return [];
}

export const asContent = (c: Content[]) => c;

export function figuresFixture(scale = 1): FiguresData {
  const byState = Object.fromEntries(AGREEMENT_STATES.map((s) => [s, 0])) as FiguresData["agreements"]["byState"];
  byState.signed = 12 * scale;
  byState.reported = 5 * scale;
  byState.drafted = 3 * scale;
  return {
    delegates: {
      total: 450 * scale,
      byKind: {
        province: 260 * scale,
        ministry: 90 * scale,
        mission: 60 * scale,
        foreign: 30 * scale,
        enterprise: 0,
        other: 10 * scale,
      },
      byMode: { in_person: 380 * scale, online: 70 * scale },
    },
    attendance: {
      inPersonExpected: 380 * scale,
      present: 342 * scale,
      onlineExpected: 70 * scale,
      onlineJoined: 61 * scale,
      joinedOnline: 81 * scale,
    },
    topSessions: [
      { titleVi: "Phiên toàn thể: Ngoại giao kinh tế", titleEn: "Plenary: economic diplomacy", joined: 64 * scale },
      { titleVi: "Phiên thảo luận 1: Thu hút đầu tư", titleEn: "Discussion 1: investment", joined: 40 * scale },
    ],
    meetings: { requested: 140 * scale, accepted: 96 * scale, scheduled: 90 * scale, held: 84 * scale },
    exhibition: { exhibitors: 63 * scale, boothsAllocated: 60 * scale, boothsTotal: 72 * scale },
    agreements: { total: 20 * scale, signed: 17 * scale, byState },
  };
}

export function heldMeeting(id: number, startsAt: string, overrides: Partial<HeldMeeting> = {}): HeldMeeting {
  const ends = new Date(Date.parse(startsAt) + 20 * 60_000).toISOString();
  return {
    id,
    startsAt,
    endsAt: ends,
    sector: "investment",
    from: {
      nameVi: `Ủy ban nhân dân tỉnh Lào Cai ${id}`,
      nameEn: `Lao Cai ${id}`,
      kind: "province",
      countryCode: null,
    },
    to: { nameVi: "Đại sứ quán Việt Nam tại Nhật Bản", nameEn: "Embassy in Japan", kind: "mission", countryCode: "JP" },
    table: {
      number: (id % 4) + 1,
      label: `Bàn ${(id % 4) + 1}`,
      roomVi: "Phòng gặp song phương",
      roomEn: "Meeting room",
    },
    online: false,
    outcome: "Hai bên thống nhất xúc tiến đầu tư vào khu kinh tế cửa khẩu.",
    followUp: "Sở Ngoại vụ gửi danh mục dự án trước ngày 30/12.",
    ...overrides,
  };
}

export function signedAgreement(id: number, overrides: Partial<SignedAgreementRow> = {}): SignedAgreementRow {
  return {
    id,
    organisationId: 1,
    partyVi: "Ủy ban nhân dân tỉnh Quảng Ninh",
    partyEn: "Quang Ninh Provincial People's Committee",
    title: `Bản ghi nhớ hợp tác ${id}`,
    foreignParty: "Chính quyền tỉnh Gyeonggi",
    countryCode: "KR",
    field: "investment",
    kind: "memorandum",
    signedOn: "2026-12-14",
    signedPlace: "Hà Nội",
    missionVi: "Đại sứ quán Việt Nam tại Hàn Quốc",
    missionEn: "Embassy of Viet Nam in the Republic of Korea",
    ...overrides,
  };
}

export function exhibitor(id: number, overrides: Partial<CatalogueExhibitor> = {}): CatalogueExhibitor {
  return {
    id,
    name_vi: `Công ty Cổ phần Chè Tân Cương ${id}`,
    name_en: `Tan Cuong Tea ${id}`,
    province_vi: "Thái Nguyên",
    province_en: "Thai Nguyen",
    zone: "food",
    booths: [`A${id}`],
    contact_name: "Nguyễn Thị Hoa",
    contact_phone: "0912 345 678",
    contact_email: "hoa@example.vn",
    website: "",
    products: [
      {
        name_vi: "Chè xanh",
        name_en: "Green tea",
        category: "tea_coffee",
        description_vi: "Chè búp",
        description_en: "",
      },
    ],
    ...overrides,
  };
}
