import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import * as delegateEdit from "~/routes/admin.delegates.$id";
import * as exportRoute from "~/routes/admin.delegates.export[.]csv";
import * as importRoute from "~/routes/admin.delegates.import";
import * as myRegistration from "~/routes/my-registration";
import { resetRegistrations } from "../../helpers/factories";
import { registerAndConfirm, registrationForm } from "../../helpers/registration";
import { call, jsonOf, signInAs } from "../../helpers/remix";

/**
 * Issue 10: a name typed with a NUL and a right-to-left override (U+202E) was
 * stored as typed, exported with the NUL, and our own CSV import then refused
 * the export. Through the real forms, it is now stored clean, and the export
 * re-imports.
 */
// eslint-disable-next-line no-control-regex -- the invisible characters the forms must remove
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let organiser: string;
beforeAll(async () => {
  organiser = await signInAs("organiser");
});
beforeEach(resetRegistrations);

const form = (overrides: Record<string, string> = {}) => registrationForm({ dietary: "", ...overrides });

const registrationByEmail = (email: string) =>
  getDb()
    .selectFrom("registrations")
    .select(["id", "full_name", "position", "dietary", "organiser_note", "user_id"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();

/** Posts a multipart form to the import route, as the browser does. */
async function postImport(body: FormData): Promise<Response> {
  const request = new Request("http://localhost:3000/admin/delegates/import", {
    method: "POST",
    headers: { Cookie: organiser },
    body,
  });
  return (await importRoute.action({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
}

describe("text fields with control characters", () => {
  it("the public registration form stores a name with a NUL and a U+202E clean, for the registration and the account", async () => {
    const typed = await form({
      fullName: "Lò\u0000 Thị \u202eXuân",
      position: "Phó\u0007 Giám đốc\u2066 Sở Ngoại vụ",
      dietary: "Ăn\u202d chay\u0000",
    });
    const { response } = await registerAndConfirm(typed);
    expect(response.status).toBe(302);
    const stored = await registrationByEmail(typed.email);
    expect(stored).toMatchObject({
      full_name: "Lò Thị Xuân",
      position: "Phó Giám đốc Sở Ngoại vụ",
      dietary: "Ăn chay",
    });
    const user = await getDb()
      .selectFrom("users")
      .select("full_name")
      .where("id", "=", stored.user_id!)
      .executeTakeFirstOrThrow();
    expect(user.full_name).toBe("Lò Thị Xuân");
    const request = await getDb().selectFrom("registration_requests").selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(request)).not.toMatch(/\\u0000|\\u0007|\u202e|\u2066|\u202d/);
  });

  it("the delegate's own edit and the organiser's edit store clean names", async () => {
    const typed = await form();
    const { cookie } = await registerAndConfirm(typed);
    const own = await call(myRegistration.action, {
      path: "/my-registration",
      cookie,
      form: { ...typed, intent: "update", fullName: "Lò\u0000 Thị\u202e Xuân\u2069" },
    });
    expect(own.status).toBe(200);
    expect((await registrationByEmail(typed.email)).full_name).toBe("Lò Thị Xuân");

    const { id } = await registrationByEmail(typed.email);
    const edited = await call(delegateEdit.action, {
      path: `/admin/delegates/${id}`,
      params: { id: String(id) },
      cookie: organiser,
      form: {
        ...typed,
        fullName: "Lò Thị\u0000 Xuân\u202e (trưởng đoàn)",
        organiserNote: "Đã\u0000 xác\u202e nhận",
        status: "pending",
      },
    });
    expect(edited.status, JSON.stringify(await jsonOf(edited.clone()))).toBe(200);
    expect(await registrationByEmail(typed.email)).toMatchObject({
      full_name: "Lò Thị Xuân (trưởng đoàn)",
      organiser_note: "Đã xác nhận",
    });
  });

  it("exports them without controls, and our own import reads the export back", async () => {
    const typed = await form({ fullName: "Lò\u0000 Thị \u202eXuân", dietary: "\u2067Ăn chay\u0000" });
    await registerAndConfirm(typed);
    const res = await call(exportRoute.loader, { path: "/admin/delegates/export.csv", cookie: organiser });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.includes(0)).toBe(false);
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toMatch(INVISIBLE);
    expect(text).toContain("Lò Thị Xuân");

    const upload = new FormData();
    upload.set("intent", "preview");
    upload.set("file", new File([bytes], "dai-bieu.csv", { type: "text/csv" }));
    const preview = await postImport(upload);
    const body = await jsonOf<{ stage: string; counts: Record<string, number>; problem?: unknown }>(preview);
    expect(body.problem).toBeUndefined();
    expect(preview.status).toBe(200);
    expect(body.stage).toBe("preview");
    expect(body.counts).toEqual({ total: 1, new: 0, update: 0, unchanged: 1, error: 0 });
  });

  it("an imported CSV cell with controls is stored clean too", async () => {
    const header = "Danh xưng;Họ và tên;E-mail;Đơn vị;Chức vụ;Điện thoại;Hình thức;Trạng thái";
    const row =
      "Bà;Giàng\u0007 Thị \u202eMai;mai.giang@laocai.gov.vn;Lào Cai;Chuyên\u2066 viên;0214 3820 000;Trực tiếp;";
    const upload = new FormData();
    upload.set("intent", "preview");
    upload.set(
      "file",
      new File([new TextEncoder().encode(`\ufeff${header}\r\n${row}\r\n`)], "dai-bieu.csv", { type: "text/csv" }),
    );
    const preview = await jsonOf<{
      stage: string;
      counts: Record<string, number>;
      content: string;
      digest: string;
      plan: string;
      rows: unknown[];
    }>(await postImport(upload));
    expect(preview.counts, JSON.stringify(preview.rows)).toMatchObject({ total: 1, new: 1, error: 0 });
    const confirm = new FormData();
    confirm.set("intent", "commit");
    confirm.set("content", preview.content);
    confirm.set("digest", preview.digest);
    confirm.set("plan", preview.plan);
    const done = await postImport(confirm);
    expect(done.status).toBe(200);
    expect(await registrationByEmail("mai.giang@laocai.gov.vn")).toMatchObject({
      full_name: "Giàng Thị Mai",
      position: "Chuyên viên",
    });
  });
});
