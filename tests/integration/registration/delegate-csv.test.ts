import { sql } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "~/platform/db.server";
import { commitImport, previewImport } from "~/features/registration/delegate-import.server";
import * as exportRoute from "~/routes/admin.delegates.export[.]csv";
import * as importRoute from "~/routes/admin.delegates.import";
import * as templateRoute from "~/routes/admin.delegates.template[.]csv";
import { demoConference, organisationId, registerVisitor, resetRegistrations, statusOf } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- action data read loosely, as JSON
type Json = Record<string, any>;

/** Posts a multipart form (a file upload) to an action, as the browser does. */
async function post(fn: unknown, form: FormData, cookie: string): Promise<Response> {
  const request = new Request("http://localhost:3000/admin/delegates/import", {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  try {
    return (await (fn as (a: unknown) => Promise<Response>)({
      request,
      params: {},
      context: { clientIp: "127.0.0.1" },
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
const HEADER = "Danh xưng;Họ và tên;E-mail;Đơn vị;Chức vụ;Điện thoại;Hình thức;Trạng thái";
const file = (...lines: string[]) => bom([HEADER, ...lines].join("\r\n") + "\r\n");

function uploadForm(bytes: Uint8Array<ArrayBuffer>, name = "dai-bieu.csv") {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("file", new File([bytes], name, { type: "text/csv" }));
  return form;
}
function confirmForm(preview: Json) {
  const form = new FormData();
  form.set("intent", "commit");
  form.set("content", preview.content);
  form.set("digest", preview.digest);
  form.set("plan", preview.plan);
  return form;
}

async function tableCounts() {
  const db = getDb();
  const count = async (
    table: "registrations" | "users" | "outbox" | "audit_log" | "invitations" | "registration_events",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    registrations: await count("registrations"),
    users: await count("users"),
    outbox: await count("outbox"),
    audit: await count("audit_log"),
    invitations: await count("invitations"),
    events: await count("registration_events"),
  };
}

let organiser: string;
let organiserId: string;
beforeAll(async () => {
  organiser = await signInAs("organiser");
  organiserId = (
    await getDb().selectFrom("users").select("id").where("email", "=", "to-chuc@ngoaivu.test").executeTakeFirstOrThrow()
  ).id;
});
beforeEach(async () => {
  await resetRegistrations();
  await demoConference(500);
});

describe("import: preview, then an all-or-nothing write", () => {
  it("previews each row as new, update or error and writes nothing; confirming writes every valid row at once", async () => {
    const hanoi = await organisationId("prov-ha-noi");
    const existing = await registerVisitor({
      organisationId: hanoi,
      email: "da-co@hanoi.gov.vn",
      fullName: "Trần Thị Bình",
      mode: "online",
    });
    const bytes = file(
      "Ông;Nguyễn Văn Đức;nguyen.van.duc@hanoi.gov.vn;Hà Nội;Giám đốc Sở Ngoại vụ;+84 24 3825 3536;Trực tiếp;",
      "Bà;Đặng Thị Ngọc Ánh;ANH.DANG@danang.gov.vn;prov-da-nang;Phó Giám đốc;0236 3822 222;trực tuyến;Đã duyệt",
      "Bà;Trần Thị Bình;da-co@hanoi.gov.vn;Hà Nội;Trưởng phòng;+84 24 3825 3536;Trực tiếp;",
      "Ông;Người Lạ;la@x.vn;Không có đơn vị này;Chuyên viên;12;Trực tiếp;",
    );
    const before = await tableCounts();
    const res = await post(importRoute.action, uploadForm(bytes), organiser);
    expect(res.status).toBe(200);
    const preview = await jsonOf<Json>(res);
    expect(preview.counts).toEqual({ total: 4, new: 2, update: 1, unchanged: 0, error: 1 });
    expect(preview.rows[0]).toMatchObject({ line: 5, action: "error" });
    expect(preview.rows[0].reasons.map((r: Json) => r.key)).toEqual(["csv.error.unknownOrganisation", "errors.phone"]);
    expect(preview.rows.slice(1).map((r: Json) => [r.line, r.action])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "update"],
    ]);
    expect(await tableCounts()).toEqual(before);

    const done = await post(importRoute.action, confirmForm(preview), organiser);
    expect(done.status).toBe(200);
    expect((await jsonOf<Json>(done)).result).toEqual({
      ok: true,
      created: 2,
      approved: 1,
      waitlisted: 0,
      updated: 1,
      unchanged: 0,
      skipped: 1,
    });

    const rows = await getDb()
      .selectFrom("registrations")
      .select(["id", "full_name", "email", "mode", "status", "position"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.full_name)).toEqual(["Trần Thị Bình", "Nguyễn Văn Đức", "Đặng Thị Ngọc Ánh"]);
    expect(rows.every((r) => r.full_name === r.full_name.normalize("NFC"))).toBe(true);
    expect(rows[0]).toMatchObject({ id: existing.registrationId, position: "Trưởng phòng", mode: "in_person" });
    expect(rows[2]).toMatchObject({ email: "anh.dang@danang.gov.vn", status: "approved", mode: "online" });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["actor_id", "detail"])
      .where("action", "=", "registration.import")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(organiserId);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ created: 2, updated: 1, skipped: 1, rows: 4 });
    // New delegates get an account and the same e-mails as the public form.
    const mail = await getDb()
      .selectFrom("outbox")
      .select("kind")
      .where("to_email", "=", "nguyen.van.duc@hanoi.gov.vn")
      .execute();
    expect(mail.map((m) => m.kind)).toEqual(["registration.received"]);
  });

  it("leaves nothing written when a row fails in the database half-way through", async () => {
    const conference = await demoConference();
    const bytes = file(
      "Ông;Nguyễn Văn Một;mot@x.vn;Hà Nội;Chuyên viên;+84 24 1111 1111;Trực tiếp;",
      "Ông;Nguyễn Văn Hai;hai@x.vn;Hà Nội;Chuyên viên;+84 24 2222 2222;Trực tiếp;",
      "Ông;Nguyễn Văn Ba;ba@x.vn;Hà Nội;Chuyên viên;+84 24 3333 3333;Trực tiếp;",
    );
    const preview = await previewImport(conference.id, bytes);
    expect(preview.ok && preview.counts.new).toBe(3);
    // The third insert breaks a database rule after two rows were already written inside the transaction.
    await sql`CREATE TRIGGER test_import_boom BEFORE INSERT ON registrations WHEN NEW.email = 'ba@x.vn' BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(
      getDb(),
    );
    try {
      const before = await tableCounts();
      await expect(
        commitImport(conference.id, bytes, preview.digest, { id: organiserId, ip: null }, preview.plan),
      ).rejects.toThrow(/boom/);
      expect(await tableCounts()).toEqual(before);

      // Through the route: a clear message, logged, and still nothing written.
      vi.mocked(console.error).mockImplementation(() => {});
      const res = await post(
        importRoute.action,
        confirmForm({ content: Buffer.from(bytes).toString("base64"), digest: preview.digest, plan: preview.plan }),
        organiser,
      );
      expect(res.status).toBe(500);
      expect((await jsonOf<Json>(res)).problem).toEqual({ key: "csv.error.failed" });
      expect(console.error).toHaveBeenCalledTimes(1);
      vi.mocked(console.error).mockClear();
      expect(await tableCounts()).toEqual(before);
    } finally {
      await sql`DROP TRIGGER test_import_boom`.execute(getDb());
    }
  });

  it("rolls everything back when the rules refuse a row at write time, naming the line", async () => {
    const conference = await demoConference(1);
    const org = await organisationId("prov-thua-thien-hue");
    await registerVisitor({ organisationId: org, email: "giu-cho@x.vn" });
    const waiting = await registerVisitor({ organisationId: org, email: "cho@x.vn", fullName: "Lê Thị Chờ" });
    expect(await statusOf(waiting.registrationId)).toBe("waitlisted");
    const bytes = file(
      "Ông;Nguyễn Văn Mới;moi@x.vn;prov-thua-thien-hue;Chuyên viên;+84 24 1111 1111;Trực tuyến;",
      "Bà;Lê Thị Chờ;cho@x.vn;prov-thua-thien-hue;Giám đốc Sở Ngoại vụ;+84 24 3825 3536;Trực tiếp;Đã duyệt",
    );
    const preview = await previewImport(conference.id, bytes);
    expect(preview.ok && preview.counts).toMatchObject({ new: 1, update: 1, error: 0 });
    const before = await tableCounts();
    const result = await commitImport(
      conference.id,
      bytes,
      preview.digest,
      { id: organiserId, ip: null },
      preview.plan,
    );
    expect(result).toEqual({
      ok: false,
      refusal: {
        kind: "conflict",
        key: "csv.error.rowRefused",
        params: { line: 3, reason: "registration.noPlace.capacity" },
      },
    });
    expect(await tableCounts()).toEqual(before);
    expect(await statusOf(waiting.registrationId)).toBe("waitlisted");
  });

  it("refuses a confirm whose file or plan no longer matches the preview", async () => {
    const conference = await demoConference();
    const bytes = file("Ông;Nguyễn Văn Đức;duc@x.vn;Hà Nội;Chuyên viên;+84 24 1111 1111;Trực tiếp;");
    const preview = await previewImport(conference.id, bytes);
    const tampered = file("Ông;Nguyễn Văn Đức;duc@x.vn;Hà Nội;Giám đốc;+84 24 1111 1111;Trực tiếp;");
    expect(
      await commitImport(conference.id, tampered, preview.digest, { id: organiserId, ip: null }, preview.plan),
    ).toEqual({ ok: false, refusal: { kind: "conflict", key: "csv.error.changed" } });
    // Someone registers the same e-mail between preview and confirm: the row is now an update, not new.
    await registerVisitor({ organisationId: await organisationId("prov-ha-noi"), email: "duc@x.vn" });
    const before = await tableCounts();
    const res = await post(
      importRoute.action,
      confirmForm({ content: Buffer.from(bytes).toString("base64"), digest: preview.digest, plan: preview.plan }),
      organiser,
    );
    expect(res.status).toBe(409);
    expect((await jsonOf<Json>(res)).problem).toEqual({ key: "csv.error.changed" });
    expect(await tableCounts()).toEqual(before);
  });

  it("answers bad files with one clear message, never a 500", async () => {
    const cases: Array<[Uint8Array<ArrayBuffer>, string]> = [
      [bom("Họ và tên;Chức vụ\r\nNguyễn Văn A;Chuyên viên\r\n"), "csv.error.missingColumns"],
      // "Hà Nội" as Windows-1258 would save it.
      [
        new Uint8Array([
          ...new TextEncoder().encode(`${HEADER}\r\nÔng;A;a@x.vn;H`),
          0xe0,
          0x20,
          0x4e,
          0xf4,
          0xf2,
          0x69,
          ...new TextEncoder().encode(";X;+84 24 1111 1111;Trực tiếp;\r\n"),
        ]),
        "csv.error.notUtf8",
      ],
      [new Uint8Array([0xff, 0xfe, ...Buffer.from(`${HEADER}\r\n`, "utf16le")]), "csv.error.utf16"],
      [
        bom(
          [
            HEADER,
            ...Array.from(
              { length: 10_001 },
              (_, i) => `Ông;Nguyễn Văn ${i};d${i}@x.vn;Hà Nội;Chuyên viên;+84 24 1111 1111;Trực tuyến;`,
            ),
          ].join("\r\n"),
        ),
        "csv.error.tooManyRows",
      ],
      [bom(`${HEADER}\r\n"Ông;chưa đóng ngoặc\r\n`), "csv.error.unclosedQuote"],
    ];
    for (const [bytes, key] of cases) {
      const res = await post(importRoute.action, uploadForm(bytes), organiser);
      expect(res.status, key).toBe(400);
      expect((await jsonOf<Json>(res)).problem.key).toBe(key);
    }
    const missing = await jsonOf<Json>(await post(importRoute.action, uploadForm(cases[0][0]), organiser));
    expect(missing.problem.list).toEqual([
      "csv.column.email",
      "csv.column.organisation",
      "csv.column.phone",
      "csv.column.mode",
    ]);
    const empty = new FormData();
    empty.set("intent", "preview");
    expect((await jsonOf<Json>(await post(importRoute.action, empty, organiser))).problem.key).toBe("csv.error.noFile");
    const notMultipart = await call(importRoute.action, {
      path: "/admin/delegates/import",
      form: { intent: "preview" },
      cookie: organiser,
    });
    expect(notMultipart.status).toBe(400);
    expect(await getDb().selectFrom("registrations").select("id").execute()).toEqual([]);
  });

  it("imports 2,000 rows in one transaction in reasonable time", async () => {
    const conference = await demoConference(500);
    const lines = Array.from(
      { length: 2000 },
      (_, i) =>
        `${i % 2 ? "Bà" : "Ông"};Nguyễn Thị Đại Biểu ${i};dai-bieu-${i}@tinh.gov.vn;${i % 3 ? "Hà Nội" : "Thành phố Hồ Chí Minh"};Chuyên viên;+84 24 3799 ${String(1000 + i)};${i % 4 ? "Trực tuyến" : "Trực tiếp"};`,
    );
    const bytes = file(...lines);
    const started = performance.now();
    const preview = await previewImport(conference.id, bytes);
    const previewMs = performance.now() - started;
    expect(preview.ok && preview.counts).toMatchObject({ new: 2000, error: 0 });
    const result = await commitImport(
      conference.id,
      bytes,
      preview.digest,
      { id: organiserId, ip: null },
      preview.plan,
    );
    const totalMs = performance.now() - started;
    expect(result).toMatchObject({ ok: true, created: 2000 });
    expect(
      await getDb()
        .selectFrom("registrations")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 2000 });
    console.log(
      `import of 2,000 rows: preview ${Math.round(previewMs)} ms, preview + commit ${Math.round(totalMs)} ms`,
    );
    // About 7 s alone on the development machine; the bound catches a quadratic slip, not jitter.
    expect(totalMs).toBeLessThan(40_000);
  }, 60_000);
});

describe("export", () => {
  it("sends UTF-8 with a BOM, Vietnamese names exactly, in the import's column order", async () => {
    const org = await organisationId("prov-ha-noi");
    await registerVisitor({
      organisationId: org,
      fullName: "Nguyễn Thị Hồng Nhung",
      email: "nhung@hanoi.gov.vn",
      phone: "+84 24 3825 3536",
      mode: "online",
    });
    await registerVisitor({ organisationId: org, fullName: '=HYPERLINK("http://evil")', email: "evil@x.vn" });
    const res = await call(exportRoute.loader, { path: "/admin/delegates/export.csv?sort=name", cookie: organiser });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="dai-bieu-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Danh xưng,Họ và tên,E-mail,Đơn vị,Mã đơn vị,Chức vụ,Điện thoại,Hình thức,Phiên dịch,Ăn uống,Đồng ý công khai,Trạng thái,Ghi chú,Mã thẻ,Có mặt lúc,Ngày đăng ký",
    );
    expect(lines[1]).toMatch(/^Ông,"'=HYPERLINK\(""http:\/\/evil""\)",evil@x\.vn,Hà Nội,prov-ha-noi,/);
    expect(lines[2]).toMatch(
      /^Ông,Nguyễn Thị Hồng Nhung,nhung@hanoi\.gov\.vn,Hà Nội,prov-ha-noi,Giám đốc Sở Ngoại vụ,\+84 24 3825 3536,Trực tuyến,Không cần phiên dịch,,Có,Chờ duyệt,,/,
    );
    // The exact bytes of "Nguyễn" in NFC: ễ is U+1EC5 (E1 BB 85).
    expect(Buffer.from(bytes).includes(Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xe1, 0xbb, 0x85, 0x6e]))).toBe(true);
  });

  it("honours the list's filters, the language and the semicolon option", async () => {
    const org = await organisationId("prov-ha-noi");
    await registerVisitor({ organisationId: org, fullName: "Phạm Văn Trực Tuyến", mode: "online" });
    await registerVisitor({ organisationId: org, fullName: "Phạm Văn Trực Tiếp", mode: "in_person" });
    const res = await call(exportRoute.loader, {
      path: "/admin/delegates/export.csv?mode=online&lang=en&sep=semicolon",
      cookie: organiser,
    });
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^Honorific;Full name;E-mail;Organisation;/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(";Phạm Văn Trực Tuyến;");
    expect(lines[1]).toContain(";Online;");
    expect(res.headers.get("Content-Disposition")).toContain('filename="delegates-');
  });

  it("re-imports an exported file as unchanged updates", async () => {
    const conference = await demoConference();
    const org = await organisationId("mis-emb-jp");
    await registerVisitor({
      organisationId: org,
      fullName: "Phạm Thị Lan Anh",
      honorific: "he",
      mode: "online",
      interpretation: "en_to_vi",
      dietary: "Ăn chay",
    });
    const res = await call(exportRoute.loader, { path: "/admin/delegates/export.csv", cookie: organiser });
    const preview = await previewImport(conference.id, new Uint8Array(await res.arrayBuffer()));
    expect(preview.ok && preview.counts).toEqual({ total: 1, new: 0, update: 0, unchanged: 1, error: 0 });
  });

  it("offers a template with an example row in the person's language", async () => {
    const res = await call(templateRoute.loader, { path: "/admin/delegates/template.csv", cookie: organiser });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Nguyễn Thị Hồng Nhung");
    expect(text.split("\r\n")[0]).toBe(
      "Danh xưng,Họ và tên,E-mail,Đơn vị,Mã đơn vị,Chức vụ,Điện thoại,Hình thức,Phiên dịch,Ăn uống,Đồng ý công khai,Trạng thái,Ghi chú",
    );
  });
});

describe("permissions", () => {
  it("refuses delegates and exhibitors on every route; the secretariat may export but not import", async () => {
    const bytes = file("Ông;Nguyễn Văn Đức;duc@x.vn;Hà Nội;Chuyên viên;+84 24 1111 1111;Trực tiếp;");
    for (const key of ["delegate", "exhibitor", "secretariat"] as const) {
      const cookie = await signInAs(key);
      expect((await call(importRoute.loader, { path: "/admin/delegates/import", cookie })).status, key).toBe(403);
      expect((await post(importRoute.action, uploadForm(bytes), cookie)).status, key).toBe(403);
      expect((await call(templateRoute.loader, { path: "/admin/delegates/template.csv", cookie })).status, key).toBe(
        403,
      );
      expect((await call(exportRoute.loader, { path: "/admin/delegates/export.csv", cookie })).status, key).toBe(
        key === "secretariat" ? 200 : 403,
      );
    }
    const anonymous = await call(exportRoute.loader, { path: "/admin/delegates/export.csv" });
    expect(anonymous.status).toBe(302);
    expect(await getDb().selectFrom("registrations").select("id").execute()).toEqual([]);
  });
});
