import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { getJob } from "~/platform/jobs/jobs.server";
import { readResultFile } from "~/platform/jobs/files.server";
import { whenJobFinished } from "~/platform/jobs/runner.server";
import { action, loader } from "~/routes/admin.prints._index";
import { loader as platesLoader } from "~/routes/admin.prints.plates[.]pdf";
import { loader as sheetLoader } from "~/routes/admin.prints.sheet[.]pdf";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { readPdf, seedPrints } from "./prints-fixtures";

let seeded: Awaited<ReturnType<typeof seedPrints>>;
beforeEach(async () => {
  seeded = await seedPrints();
});

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("/admin/prints: who may", () => {
  it("sends a visitor to sign in and refuses a delegate and an exhibitor everywhere", async () => {
    const visitor = await call(loader, { path: "/admin/prints" });
    expect(visitor.status).toBe(302);
    for (const key of ["delegate", "exhibitor"] as const) {
      const cookie = await signInAs(key);
      expect((await call(loader, { path: "/admin/prints", cookie })).status).toBe(403);
      expect((await call(action, { path: "/admin/prints", cookie, form: { intent: "participants" } })).status).toBe(
        403,
      );
      const session = `?session=${seeded.discussionId}`;
      expect((await call(sheetLoader, { path: `/admin/prints/sheet.pdf${session}`, cookie })).status).toBe(403);
      expect((await call(platesLoader, { path: `/admin/prints/plates.pdf${session}`, cookie })).status).toBe(403);
    }
    expect(await getDb().selectFrom("jobs").select("id").execute()).toHaveLength(0);
  });

  it("shows the secretariat the three panels with the sessions", async () => {
    const cookie = await signInAs("secretariat");
    const response = await call(loader, { path: "/admin/prints", cookie });
    expect(response.status).toBe(200);
    const data = await jsonOf<{ sessions: Array<{ id: number }>; listed: number; messages: Record<string, string> }>(
      response,
    );
    expect(data.sessions.map((s) => s.id)).toEqual(expect.arrayContaining([seeded.plenaryId, seeded.discussionId]));
    expect(data.listed).toBe(4);
    expect(data.messages["proceedings.prints.title"]).toBe("Ấn phẩm in");
  });
});

describe("the in-request prints", () => {
  it("answers a session's sign-in sheet as a PDF with its delegates", async () => {
    const cookie = await signInAs("secretariat");
    const response = await call(sheetLoader, {
      path: `/admin/prints/sheet.pdf?session=${seeded.discussionId}`,
      cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const text = (await readPdf(await bytesOf(response))).join("\n");
    expect(text).toContain("Phiên thảo luận in thử");
    expect(text).toContain("Phạm Quang Hiệu");
  });

  it("answers a head table's plates, and sends a missing choice back to the page with its reason", async () => {
    const cookie = await signInAs("organiser");
    const plates = await call(platesLoader, {
      path: `/admin/prints/plates.pdf?session=${seeded.discussionId}`,
      cookie,
    });
    expect(plates.status).toBe(200);
    expect(await readPdf(await bytesOf(plates))).toHaveLength(2);

    const none = await call(platesLoader, { path: "/admin/prints/plates.pdf?session=", cookie });
    expect(none.status).toBe(302);
    expect(none.headers.get("Location")).toContain("plateError=proceedings.prints.error.noSession");
    // A plenary with nobody at its head table: the reason, and the choice kept.
    const empty = await call(platesLoader, { path: `/admin/prints/plates.pdf?session=${seeded.plenaryId}`, cookie });
    expect(empty.headers.get("Location")).toBe(
      `/admin/prints?plateError=proceedings.prints.error.noHeadTable&plateSession=${seeded.plenaryId}`,
    );
    const page = await jsonOf<{ plateError: string | null }>(
      await call(loader, { path: empty.headers.get("Location")!, cookie }),
    );
    expect(page.plateError).toBe("proceedings.prints.error.noHeadTable");
    const unknown = await call(sheetLoader, { path: "/admin/prints/sheet.pdf?session=999999", cookie });
    expect(unknown.headers.get("Location")).toContain("sheetError=proceedings.prints.error.noSession");
  });
});

describe("the whole-conference prints as jobs", () => {
  it("starts each job (audited), which finishes with its file", async () => {
    const cookie = await signInAs("secretariat");
    const forms = [
      [{ intent: "participants" }, "proceedings.participants"],
      [{ intent: "plates", who: "all" }, "proceedings.namePlates"],
      [{ intent: "sheets", scope: "all" }, "proceedings.signInSheets"],
    ] as const;
    for (const [form, kind] of forms) {
      const response = await call(action, { path: "/admin/prints", cookie, form });
      expect(response.status, kind).toBe(302);
      const job = await getDb()
        .selectFrom("jobs")
        .select("id")
        .where("kind", "=", kind)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      await whenJobFinished(job.id);
      const found = await getJob(getDb(), job.id);
      if (!found.ok) throw new Error("job lost");
      expect(found.job.state, `${kind}: ${found.job.error}`).toBe("done");
      const pages = await readPdf(readResultFile(found.job.result!.path)!);
      expect(pages.join("\n"), kind).toContain("Lê Hoài Trung");
      // Who started which print, and when: the platform's job.start entry, with the kind.
      const entry = await getDb()
        .selectFrom("audit_log")
        .select(["entity", "detail"])
        .where("action", "=", "job.start")
        .where("entity_id", "=", String(job.id))
        .executeTakeFirstOrThrow();
      expect(entry.entity).toBe("job");
      expect(JSON.parse(entry.detail!)).toMatchObject({ kind });
    }
    const plates = await getDb()
      .selectFrom("jobs")
      .select("result_meta")
      .where("kind", "=", "proceedings.namePlates")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(plates.result_meta)).toEqual({ plates: 4 });
  });

  it("refuses a scope that is not a day of the programme, next to its field", async () => {
    const cookie = await signInAs("organiser");
    const response = await call(action, {
      path: "/admin/prints",
      cookie,
      form: { intent: "sheets", scope: "1999-01-01" },
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual({
      scope: "proceedings.prints.error.noSessions",
    });
    expect(await getDb().selectFrom("jobs").select("id").execute()).toHaveLength(0);
  });
});
