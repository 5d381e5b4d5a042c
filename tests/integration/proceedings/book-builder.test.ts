import { beforeEach, describe, expect, it } from "vitest";
import { PROCEEDINGS_JOB, PROCEEDINGS_SECTIONS } from "~/features/proceedings/rules";
import { getDb } from "~/platform/db.server";
import { startJob } from "~/platform/jobs/jobs.server";
import { action, loader } from "~/routes/admin.proceedings._index";
import { demoConference } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

const fields = {
  title: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  editionLabel: "20",
  theme: "Chủ đề",
  language: "vi",
  foreword: "",
};
const order = [...PROCEEDINGS_SECTIONS];

function posted(extra: Record<string, string>, ticked: readonly string[] = order): URLSearchParams {
  const body = new URLSearchParams({ ...fields, ...extra });
  for (const s of order) body.append("order", s);
  for (const s of ticked) body.append("sections", s);
  return body;
}

async function post(cookie: string | null, body: URLSearchParams) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  const request = new Request("http://localhost:3000/admin/proceedings", { method: "POST", headers, body });
  try {
    return (await action({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const savedSections = async (conferenceId: number) =>
  JSON.parse(
    (
      await getDb()
        .selectFrom("proceedings_settings")
        .select("sections")
        .where("conference_id", "=", conferenceId)
        .executeTakeFirstOrThrow()
    ).sections,
  ) as string[];

beforeEach(async () => {
  await getDb().deleteFrom("proceedings_settings").execute();
  await getDb().deleteFrom("jobs").execute();
});

describe("the proceedings builder page", () => {
  it("is for organisers and the secretariat: visitors sign in, delegates and exhibitors are refused", async () => {
    const visitor = await call(loader, { path: "/admin/proceedings" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    for (const key of ["delegate", "ambassador", "exhibitor"] as const) {
      const cookie = await signInAs(key);
      expect((await call(loader, { path: "/admin/proceedings", cookie })).status).toBe(403);
      expect((await post(cookie, posted({ intent: "generate" }))).status).toBe(403);
    }
    expect((await post(null, posted({ intent: "save" }))).status).toBe(302);
    expect(await getDb().selectFrom("jobs").selectAll().execute()).toEqual([]);
    for (const key of ["secretariat", "organiser"] as const)
      expect((await call(loader, { path: "/admin/proceedings", cookie: await signInAs(key) })).status).toBe(200);
  });

  it("shows the conference's own title page until someone saves", async () => {
    const conference = await demoConference();
    const data = await jsonOf<{
      settings: { title: string; theme: string; saved: boolean; sections: string[] };
      order: string[];
    }>(await call(loader, { path: "/admin/proceedings", cookie: await signInAs("secretariat") }));
    expect(data.settings).toMatchObject({ title: conference.title_vi, theme: conference.theme_vi, saved: false });
    expect(data.order).toEqual(order);
  });

  it("saves the ticked sections in the page's order, with an audit entry", async () => {
    const conference = await demoConference();
    const cookie = await signInAs("secretariat");
    const response = await post(
      cookie,
      posted({ intent: "save", subtitle: "Phụ đề" }, ["cover", "contents", "speeches", "figures"]),
    );
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ saved: true });
    expect(await savedSections(conference.id)).toEqual(["cover", "contents", "speeches", "figures"]);
    const row = await getDb().selectFrom("proceedings_settings").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ subtitle: "Phụ đề", edition_label: "20", language: "vi" });
    const audit = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "proceedings.settings.update")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("moves a section with the no-JavaScript buttons, saving the new order", async () => {
    const conference = await demoConference();
    const cookie = await signInAs("organiser");
    const response = await post(cookie, posted({ intent: "move:up:speeches" }));
    expect(response.status).toBe(200);
    const data = await jsonOf<{ order: string[] }>(response);
    expect(data.order.indexOf("speeches")).toBe(order.indexOf("speeches") - 1);
    expect((await savedSections(conference.id)).slice(3, 5)).toEqual(["speeches", "programme"]);
  });

  it("answers a bad form with the message beside the field and what was typed", async () => {
    const cookie = await signInAs("secretariat");
    const none = await post(cookie, posted({ intent: "save", subtitle: "Giữ lại" }, []));
    expect(none.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(none);
    expect(body.errors.sections).toBe("errors.required");
    expect(body.values.subtitle).toBe("Giữ lại");
    const long = await post(cookie, posted({ intent: "save", foreword: "x".repeat(60_001) }));
    expect(long.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(long)).errors.foreword).toBe("errors.tooLong");
    expect(await getDb().selectFrom("proceedings_settings").selectAll().execute()).toEqual([]);
    expect((await post(cookie, posted({ intent: "print" }))).status).toBe(400);
  });

  it("refuses a second generation while one is under way", async () => {
    const conference = await demoConference();
    const running = await startJob(getDb(), {
      kind: PROCEEDINGS_JOB,
      conferenceId: conference.id,
      input: {},
      actor: { id: null, ip: null },
      run: false,
    });
    expect(running.ok).toBe(true);
    const response = await post(await signInAs("secretariat"), posted({ intent: "generate" }));
    expect(response.status).toBe(409);
    expect(await jsonOf(response)).toMatchObject({ errors: { "": "jobs.error.alreadyRunning" } });
  });
});
