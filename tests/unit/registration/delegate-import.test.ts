import { describe, expect, it } from "vitest";
import { toCsvBytes } from "~/lib/csv";
import {
  exportHeader,
  exportRow,
  importPlan,
  mapHeader,
  messageText,
  previewDelegateCsv,
  templateRows,
  type ExistingRegistration,
  type ExportDelegate,
  type ImportPreview,
  type OrganisationRef,
} from "~/features/registration/delegate-import";
import { translator } from "~/http/i18n.server";

const ORGS: OrganisationRef[] = [
  { id: 1, code: "prov-ha-noi", name_vi: "Hà Nội", name_en: "Ha Noi", abbreviation: null },
  {
    id: 2,
    code: "min-ngoai-giao",
    name_vi: "Bộ Ngoại giao",
    name_en: "Ministry of Foreign Affairs",
    abbreviation: "MOFA",
  },
  { id: 3, code: "prov-da-nang", name_vi: "Đà Nẵng", name_en: "Da Nang", abbreviation: null },
  { id: 4, code: "fp-x", name_vi: "Tổ chức X", name_en: "Organisation X", abbreviation: "OX" },
  { id: 5, code: "fp-y", name_vi: "Tổ chức Y", name_en: "Organisation Y", abbreviation: "OX" },
];

const existing = (over: Partial<ExistingRegistration> = {}): ExistingRegistration => ({
  id: 42,
  email: "da-co@hanoi.gov.vn",
  honorific: "ms",
  full_name: "Trần Thị Bình",
  position: "Phó Giám đốc",
  organisation_id: 1,
  phone: "+84 24 3825 3536",
  mode: "in_person",
  status: "pending",
  interpretation: "none",
  dietary: "",
  consent_to_list: 1,
  organiser_note: "",
  ...over,
});

const HEADER = "Danh xưng;Họ và tên;E-mail;Đơn vị;Chức vụ;Điện thoại;Hình thức";
const csv = (...lines: string[]) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lines.join("\r\n"))]);
const ok = (p: ImportPreview) => {
  if (!p.ok) throw new Error(`file refused: ${p.problem.key}`);
  return p;
};
const t = translator("vi");

describe("headers", () => {
  it("recognises Vietnamese and English names, any case, with or without diacritics", () => {
    const m = mapHeader([
      "HỌ VÀ TÊN",
      "email",
      "Don vi",
      "Position",
      "So dien thoai",
      "Mode",
      "Đồng ý công khai",
      "Whatever",
    ]);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect([...m.index.entries()]).toEqual([
      ["fullName", 0],
      ["email", 1],
      ["organisation", 2],
      ["position", 3],
      ["phone", 4],
      ["mode", 5],
      ["consent", 6],
    ]);
    expect(m.ignored).toEqual(["Whatever"]);
  });

  it("names every missing required column in one message", () => {
    const m = mapHeader(["Họ và tên", "Chức vụ"]);
    expect(m).toEqual({
      ok: false,
      problem: {
        key: "csv.error.missingColumns",
        list: ["csv.column.email", "csv.column.organisation", "csv.column.phone", "csv.column.mode"],
      },
    });
    if (!m.ok)
      expect(messageText(t, m.problem)).toBe(
        "Tệp thiếu cột bắt buộc: E-mail, Đơn vị, Điện thoại, Hình thức. Hãy dùng tệp mẫu để có đủ các cột.",
      );
  });

  it("accepts the organisation code instead of its name", () => {
    expect(mapHeader(["Full name", "E-mail", "Organisation code", "Position", "Phone", "Mode"]).ok).toBe(true);
  });
});

describe("previewDelegateCsv", () => {
  it("marks rows new, update or error with a reason per row", () => {
    const preview = ok(
      previewDelegateCsv(
        csv(
          HEADER,
          "Ông;Nguyễn Văn Đức;nguyen.van.duc@hanoi.gov.vn;ha noi;Giám đốc Sở Ngoại vụ;+84 24 3825 3536;Trực tiếp",
          "Bà;Trần Thị Bình;DA-CO@hanoi.gov.vn;Hà Nội;Giám đốc;+84 24 3825 3536;trực tuyến",
          "Mr;John Smith;not-an-email;Atlantis;Consul;12;by pigeon",
        ),
        ORGS,
        [existing()],
      ),
    );
    expect(preview.delimiter).toBe(";");
    expect(preview.counts).toEqual({ total: 3, new: 1, update: 1, unchanged: 0, error: 1 });
    const [fresh, update, error] = preview.rows;
    expect(fresh).toMatchObject({ line: 2, action: "new", reasons: [], organisation: { code: "prov-ha-noi" } });
    expect(fresh.input).toMatchObject({
      honorific: "mr",
      fullName: "Nguyễn Văn Đức",
      organisationId: 1,
      mode: "in_person",
      consentToList: false,
    });
    expect(update).toMatchObject({ line: 3, action: "update", existingId: 42, changes: ["position", "mode"] });
    expect(error.action).toBe("error");
    expect(error.reasons).toEqual([
      { column: "organisation", key: "csv.error.unknownOrganisation", params: { value: "Atlantis" } },
      { column: "mode", key: "csv.error.badValue", params: { value: "by pigeon" } },
      { column: "phone", key: "errors.phone" },
      { column: "email", key: "errors.email" },
    ]);
    expect(messageText(t, error.reasons[0])).toContain("Không tìm thấy đơn vị “Atlantis”");
  });

  it("keeps Vietnamese names exactly, in NFC", () => {
    const name = "Nguyễn Thị Hồng Nhung".normalize("NFD");
    const preview = ok(
      previewDelegateCsv(csv(HEADER, `Bà;${name};n@hanoi.gov.vn;Hà Nội;Chuyên viên;0912 345 678;Trực tiếp`), ORGS, []),
    );
    expect(preview.rows[0].input?.fullName).toBe("Nguyễn Thị Hồng Nhung".normalize("NFC"));
  });

  it("reads honorifics, modes, consent and interpretation in either language", () => {
    const preview = ok(
      previewDelegateCsv(
        csv(
          "Honorific,Full name,Email,Organisation,Position,Phone,Mode,Consent,Interpretation,Status",
          "H.E.,Nguyễn A,a@x.vn,MOFA,Ambassador,+84 24 1234 5678,in_person,x,Cần phiên dịch Việt → Anh,",
          "TS,Nguyễn B,b@x.vn,min-ngoai-giao,Expert,+84 24 1234 5678,Online,không,en_to_vi,Đã duyệt",
          "GS,Nguyễn C,c@x.vn,Bộ Ngoại giao,Expert,+84 24 1234 5678,Trực tuyến,yes,,approved",
        ),
        ORGS,
        [],
      ),
    );
    expect(
      preview.rows.map((r) => [
        r.input?.honorific,
        r.input?.mode,
        r.input?.consentToList,
        r.input?.interpretation,
        r.approve,
      ]),
    ).toEqual([
      ["he", "in_person", true, "vi_to_en", false],
      ["dr", "online", false, "en_to_vi", true],
      ["prof", "online", true, "none", true],
    ]);
  });

  it("finds provinces written with 'Thành phố' or 'Tỉnh', and refuses an ambiguous name", () => {
    const preview = ok(
      previewDelegateCsv(
        csv(
          HEADER,
          "Ông;A;a@x.vn;Thành phố Đà Nẵng;X;+84 24 1234 5678;Trực tiếp",
          "Ông;B;b@x.vn;OX;X;+84 24 1234 5678;Trực tiếp",
        ),
        ORGS,
        [],
      ),
    );
    expect(preview.rows[0].organisation?.code).toBe("prov-da-nang");
    expect(preview.rows[1].reasons).toEqual([
      { column: "organisation", key: "csv.error.ambiguousOrganisation", params: { value: "OX" } },
    ]);
  });

  it("treats the same e-mail twice in the file as an error on both rows", () => {
    const preview = ok(
      previewDelegateCsv(
        csv(
          HEADER,
          "Ông;A;same@x.vn;Hà Nội;X;+84 24 1234 5678;Trực tiếp",
          "Ông;B;other@x.vn;Hà Nội;X;+84 24 1234 5678;Trực tiếp",
          "Bà;C;SAME@x.vn;Hà Nội;X;+84 24 1234 5678;Trực tiếp",
        ),
        ORGS,
        [],
      ),
    );
    expect(preview.rows.map((r) => r.action)).toEqual(["error", "new", "error"]);
    expect(preview.rows[0].reasons).toEqual([
      { column: "email", key: "csv.error.duplicateInFile", params: { lines: "2, 4" } },
    ]);
  });

  it("needs an honorific for a new delegate but keeps the current one on update", () => {
    const preview = ok(
      previewDelegateCsv(
        csv(
          "Họ và tên,E-mail,Đơn vị,Chức vụ,Điện thoại,Hình thức",
          "A,new@x.vn,Hà Nội,X,+84 24 1234 5678,Trực tiếp",
          "Trần Thị Bình,da-co@hanoi.gov.vn,Hà Nội,Phó Giám đốc,+84 24 3825 3536,Trực tiếp",
        ),
        ORGS,
        [existing()],
      ),
    );
    expect(preview.rows[0].reasons).toEqual([{ column: "honorific", key: "csv.error.honorificNeeded" }]);
    // Columns the file leaves out keep their current values: nothing changes.
    expect(preview.rows[1]).toMatchObject({ action: "update", changes: [] });
    expect(preview.counts).toMatchObject({ error: 1, update: 0, unchanged: 1 });
  });

  it("refuses 'approved' for a registration that cannot move there", () => {
    const preview = ok(
      previewDelegateCsv(
        csv(
          `${HEADER};Trạng thái`,
          "Bà;Trần Thị Bình;da-co@hanoi.gov.vn;Hà Nội;Phó Giám đốc;+84 24 3825 3536;Trực tiếp;Đã duyệt",
        ),
        ORGS,
        [existing({ status: "cancelled" })],
      ),
    );
    expect(preview.rows[0].reasons).toEqual([
      { column: "status", key: "csv.error.cannotApprove", params: { status: "registration.status.cancelled" } },
    ]);
    expect(messageText(t, preview.rows[0].reasons[0])).toBe(
      "Không thể chuyển sang “Đã duyệt” từ trạng thái hiện tại (Đã hủy).",
    );
  });

  it("gives one clear error for bad files", () => {
    expect(previewDelegateCsv(csv("Họ và tên,E-mail"), ORGS, [])).toEqual({
      ok: false,
      problem: { key: "csv.error.noRows" },
    });
    expect(previewDelegateCsv(csv(""), ORGS, [])).toEqual({ ok: false, problem: { key: "csv.error.empty" } });
    expect(previewDelegateCsv(new Uint8Array([0x48, 0xe0, 0x0a]), ORGS, [])).toEqual({
      ok: false,
      problem: { key: "csv.error.notUtf8" },
    });
    const p = previewDelegateCsv(csv("Họ và tên,Chức vụ", "A,B"), ORGS, []);
    expect(!p.ok && p.problem.key).toBe("csv.error.missingColumns");
  });

  it("accepts 10,000 rows and refuses 10,001 without going through them", () => {
    const row = (i: number) => `Ông;Nguyễn Văn ${i};dai-bieu-${i}@x.vn;Hà Nội;Chuyên viên;+84 24 1234 5678;Trực tuyến`;
    const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));
    const tenThousand = ok(previewDelegateCsv(csv(HEADER, ...rows(10_000)), ORGS, []));
    expect(tenThousand.counts).toMatchObject({ total: 10_000, new: 10_000, error: 0 });
    expect(previewDelegateCsv(csv(HEADER, ...rows(10_001)), ORGS, [])).toEqual({
      ok: false,
      problem: { key: "csv.error.tooManyRows", params: { max: 10_000 } },
    });
  });

  it("has a plan that changes when a row's fate changes", () => {
    const file = csv(HEADER, "Bà;Trần Thị Bình;da-co@hanoi.gov.vn;Hà Nội;Phó Giám đốc;+84 24 3825 3536;Trực tiếp");
    const before = importPlan(ok(previewDelegateCsv(file, ORGS, [])));
    const after = importPlan(ok(previewDelegateCsv(file, ORGS, [existing()])));
    expect(before).toBe("2:new:0");
    expect(after).toBe("2:update:0");
  });
});

describe("export columns", () => {
  const delegate: ExportDelegate = {
    honorific: "he",
    full_name: "Phạm Thị Lan Anh",
    email: "dai-su@x.vn",
    organisation_vi: "Bộ Ngoại giao",
    organisation_en: "Ministry of Foreign Affairs",
    organisation_code: "min-ngoai-giao",
    position: "Đại sứ",
    phone: "+84 24 3799 3000",
    mode: "online",
    interpretation: "en_to_vi",
    dietary: "Ăn chay",
    consent_to_list: 1,
    status: "approved",
    organiser_note: "Khách mời",
    badge_code: "K7QM-3XPA-9T2D",
    checked_in_at: "",
    registered_at: "2026-11-20 09:15",
  };

  it("follow the import's order, so an exported file re-imports as unchanged updates, in both languages", () => {
    for (const locale of ["vi", "en"] as const) {
      const bytes = toCsvBytes([exportHeader(locale), exportRow(delegate, locale)]);
      const preview = ok(
        previewDelegateCsv(bytes, ORGS, [
          existing({
            id: 7,
            email: "dai-su@x.vn",
            honorific: "he",
            full_name: "Phạm Thị Lan Anh",
            organisation_id: 2,
            position: "Đại sứ",
            phone: "+84 24 3799 3000",
            mode: "online",
            status: "approved",
            interpretation: "en_to_vi",
            dietary: "Ăn chay",
            consent_to_list: 1,
            organiser_note: "Khách mời",
          }),
        ]),
      );
      expect(preview.ignoredHeaders).toHaveLength(3);
      expect(preview.rows[0]).toMatchObject({ action: "update", existingId: 7, changes: [] });
    }
  });

  it("writes the header in the requested language", () => {
    expect(exportHeader("vi").slice(0, 3)).toEqual(["Danh xưng", "Họ và tên", "E-mail"]);
    expect(exportHeader("en").slice(0, 3)).toEqual(["Honorific", "Full name", "E-mail"]);
    expect(exportRow(delegate, "en").slice(7, 12)).toEqual([
      "Online",
      "Needs English → Vietnamese interpretation",
      "Ăn chay",
      "Yes",
      "Approved",
    ]);
  });

  it("has a template whose example row imports as a new delegate", () => {
    for (const locale of ["vi", "en"] as const) {
      const preview = ok(previewDelegateCsv(toCsvBytes(templateRows(locale)), ORGS, []));
      expect(preview.rows[0]).toMatchObject({ action: "new", reasons: [] });
      expect(preview.rows[0].input?.fullName).toBe("Nguyễn Thị Hồng Nhung");
    }
  });
});
