import { beforeAll, describe, expect, it } from "vitest";
import { decodeCsvBytes, parseCsv } from "~/lib/csv";
import { getDb } from "~/platform/db.server";
import { call, signInAs } from "../../helpers/remix";
import { applicationFields, boothFor, clearDemoApplication, demoUserId, postForm } from "./application-support";

/**
 * What leaves the app with an exhibitor's words in it: the CSV (formulas neutralised), the mails
 * (headers with nothing injected, to the application's contact only) and the organisers' inbox
 * (change requests cannot be used to flood it).
 */
const APPLY = "/exhibition/apply";
const FORMULA = "=cmd|' /C calc'!A0";
let exhibitor: string;
let organiser: string;
let apply: typeof import("~/routes/exhibition.apply");
let admin: typeof import("~/routes/admin.exhibition.applications.$id");
let csv: typeof import("~/routes/admin.exhibition.exhibitors[.]csv");
let id: number;

const own = async () =>
  getDb()
    .selectFrom("exhibitors")
    .selectAll()
    .where("user_id", "=", await demoUserId())
    .executeTakeFirstOrThrow();
const mails = (kind: string) =>
  getDb().selectFrom("outbox").selectAll().where("kind", "=", kind).orderBy("id").execute();

beforeAll(async () => {
  await clearDemoApplication();
  [exhibitor, organiser] = await Promise.all((["exhibitor", "organiser"] as const).map(signInAs));
  apply = await import("~/routes/exhibition.apply");
  admin = await import("~/routes/admin.exhibition.applications.$id");
  csv = await import("~/routes/admin.exhibition.exhibitors[.]csv");
  const fields = await applicationFields({
    nameVi: `${FORMULA}\r\nBcc: ke-gian@evil.test <script>alert(1)</script>\u202Egnp.exe`,
    nameEn: "@SUM(A1:A9)",
    contactName: "-2+3+cmd|' /C calc'!A0",
    contactPhone: "+84 24 3799 3000",
    contactEmail: "lien-he@lucngan.test",
  });
  expect((await postForm(apply.action, APPLY, { intent: "save", ...fields }, { cookie: exhibitor })).status).toBe(302);
  const product = { intent: "add-product", nameVi: "+SUM(1)", category: "fruit" };
  expect((await postForm(apply.action, APPLY, product, { cookie: exhibitor })).status).toBe(302);
  expect((await postForm(apply.action, APPLY, { intent: "submit", ...fields }, { cookie: exhibitor })).status).toBe(
    302,
  );
  id = (await own()).id;
});

describe("an exhibitor's words, stored and sent", () => {
  it("are stored on one line without bidirectional overrides (markup stays text, for React and pdfmake)", async () => {
    const row = await own();
    expect(row.name_vi).toBe(`${FORMULA} Bcc: ke-gian@evil.test <script>alert(1)</script>gnp.exe`);
    expect(row.name_vi).not.toMatch(/[\r\n\u202a-\u202e\u2066-\u2069]/);
  });

  it("are neutralised in the exhibitors' CSV: a cell Excel would run as a formula starts with an apostrophe", async () => {
    const response = await call(csv.loader, { path: "/admin/exhibition/exhibitors.csv?lang=en", cookie: organiser });
    expect(response.status).toBe(200);
    const decoded = decodeCsvBytes(new Uint8Array(await response.arrayBuffer()));
    if (!decoded.ok) throw new Error("not UTF-8");
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) throw new Error("not CSV");
    const [header, ...rows] = parsed.records.map((r) => r.cells);
    const row = rows.find((r) => r[0] === String(id))!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("Name (Vietnamese)")).toBe(`'${(await own()).name_vi}`);
    expect(cell("Name (English)")).toBe("'@SUM(A1:A9)");
    expect(cell("Contact person")).toBe("'-2+3+cmd|' /C calc'!A0");
    // A phone number is not a formula: it stays readable.
    expect(cell("Phone")).toBe("+84 24 3799 3000");
    // No cell of any row begins with a formula character.
    const runs = (c: string) => /^[=@\t\r]/.test(c) || (/^[+-]/.test(c) && !/^[+\-0-9 ()./]+$/.test(c));
    for (const r of rows) for (const c of r) expect(runs(c), c).toBe(false);
  });

  it("goes to the application's contact alone when decided, under a subject with nothing injected", async () => {
    const decided = await postForm(
      admin.action,
      `/admin/exhibition/applications/${id}`,
      { intent: "decide", decision: "approve" },
      { cookie: organiser, params: { id: String(id) } },
    );
    expect(decided.status).toBe(302);
    const sent = await mails("exhibition.approved");
    expect(sent.map((m) => m.to_email)).toEqual(["lien-he@lucngan.test"]);
    expect(sent[0].subject).not.toMatch(/[\r\n]/);
    expect(sent[0].subject).toContain("Bcc: ke-gian@evil.test");
    // Both languages, Vietnamese first.
    expect(sent[0].body_text.indexOf("---")).toBeGreaterThan(0);
  });
});

describe("change requests to the organisers", () => {
  it("are mailed without header injection, and a flood of them is refused before it reaches the inbox", async () => {
    await boothFor(id, "A01");
    const ask = (request: string) =>
      postForm(apply.action, APPLY, { intent: "request-change", request }, { cookie: exhibitor });
    const first = await ask("Xin đổi gian\r\nSubject: khác\r\nBcc: ke-gian@evil.test");
    expect(first.status).toBe(302);
    const [mail] = await mails("exhibition.changeRequest");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const organisers = (await mails("exhibition.changeRequest")).length;
    expect(organisers).toBeGreaterThan(0);
    let refused: Response | null = null;
    for (let i = 0; i < 30 && !refused; i++) {
      const response = await ask(`Yêu cầu số ${i}`);
      if (response.status !== 302) refused = response;
    }
    expect(refused?.status).toBe(429);
    const body = (await refused!.json()) as { errors: Record<string, string> };
    expect(body.errors[""]).toBe("exhibition.applications.errors.tooManyChangeRequests");
    const total = (await mails("exhibition.changeRequest")).length;
    // At most a handful of requests an hour reach each organiser.
    expect(total / organisers).toBeLessThanOrEqual(5);
    // The refused one changed nothing: the last request kept is the last one accepted.
    expect((await own()).change_request).not.toBe(`Yêu cầu số 29`);
  });
});
