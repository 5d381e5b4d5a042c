import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { applicationFields, clearDemoApplication, demoUserId, otherExhibitor, postForm } from "./application-support";

/** Neighbours, withdrawal, and what the page shows while wishes are stated. */
const APPLY = "/exhibition/apply";
let exhibitor: string;
let apply: typeof import("~/routes/exhibition.apply");

beforeAll(async () => {
  await clearDemoApplication();
  exhibitor = await signInAs("exhibitor");
  apply = await import("~/routes/exhibition.apply");
});

const own = async () =>
  getDb()
    .selectFrom("exhibitors")
    .selectAll()
    .where("user_id", "=", await demoUserId())
    .executeTakeFirstOrThrow();

describe("neighbours", () => {
  it("names only exhibitors that have submitted or been approved", async () => {
    const draft = await otherExhibitor("draft");
    const submitted = await otherExhibitor("submitted");
    const page = await jsonOf<{ neighbours: Array<{ id: number }> }>(
      await call(apply.loader, { path: APPLY, cookie: exhibitor }),
    );
    const offered = page.neighbours.map((n) => n.id);
    expect(offered).toContain(submitted.exhibitorId);
    expect(offered).not.toContain(draft.exhibitorId);

    const refused = await postForm(
      apply.action,
      APPLY,
      {
        intent: "save",
        ...(await applicationFields({ neighbours: [String(submitted.exhibitorId), String(draft.exhibitorId)] })),
      },
      { cookie: exhibitor },
    );
    expect(refused.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(refused);
    expect(body.errors.neighbours).toBe("exhibition.applications.errors.neighbour");
    // What was typed comes back: the checkbox group as the page re-ticks it.
    expect(body.values.neighbours).toBe(`${submitted.exhibitorId},${draft.exhibitorId}`);
    expect(body.values.nameVi).toBe("Hợp tác xã Nông sản Lục Ngạn");

    const saved = await postForm(
      apply.action,
      APPLY,
      { intent: "save", ...(await applicationFields({ neighbours: [String(submitted.exhibitorId)] })) },
      { cookie: exhibitor },
    );
    expect(saved.status).toBe(302);
    const rows = await getDb()
      .selectFrom("exhibitor_neighbours")
      .select("neighbour_id")
      .where("exhibitor_id", "=", (await own()).id)
      .execute();
    expect(rows.map((r) => r.neighbour_id)).toEqual([submitted.exhibitorId]);
  });

  it("counts others' first choices per zone, never the exhibitor's own", async () => {
    const before = await jsonOf<{ firstChoices: Record<string, number> }>(
      await call(apply.loader, { path: APPLY, cookie: exhibitor }),
    );
    await postForm(
      apply.action,
      APPLY,
      { intent: "save", ...(await applicationFields({ zone1: "tourism", zone2: "" })) },
      { cookie: exhibitor },
    );
    await getDb()
      .updateTable("exhibitors")
      .set({ status: "submitted" })
      .where("id", "=", (await own()).id)
      .execute();
    const after = await jsonOf<{ firstChoices: Record<string, number> }>(
      await call(apply.loader, { path: APPLY, cookie: exhibitor }),
    );
    expect(after.firstChoices.tourism ?? 0).toBe(before.firstChoices.tourism ?? 0);
    await otherExhibitor("submitted"); // wishes handicrafts first
    const more = await jsonOf<{ firstChoices: Record<string, number> }>(
      await call(apply.loader, { path: APPLY, cookie: exhibitor }),
    );
    expect(more.firstChoices.handicrafts).toBe((after.firstChoices.handicrafts ?? 0) + 1);
  });
});

describe("withdrawing", () => {
  it("withdraws (audited), refuses twice, and a save brings the draft back", async () => {
    expect((await postForm(apply.action, APPLY, { intent: "withdraw" }, { cookie: exhibitor })).status).toBe(302);
    expect((await own()).status).toBe("withdrawn");
    expect((await postForm(apply.action, APPLY, { intent: "withdraw" }, { cookie: exhibitor })).status).toBe(409);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "exhibition_application.withdraw")
      .where("entity_id", "=", String((await own()).id))
      .execute();
    expect(audit).toHaveLength(1);
    await postForm(apply.action, APPLY, { intent: "save", ...(await applicationFields()) }, { cookie: exhibitor });
    expect((await own()).status).toBe("draft");
  });

  it("after the organisers' closing instant, refuses a first submission but lets a draft be saved", async () => {
    const { conference_id } = await own();
    const past = new Date(Date.now() - 86_400_000 * 3650).toISOString();
    await getDb()
      .insertInto("exhibition_settings")
      .values({ conference_id, applications_close_at: past, updated_at: past })
      .onConflict((oc) => oc.column("conference_id").doUpdateSet({ applications_close_at: past }))
      .execute();
    await getDb()
      .insertInto("exhibitor_products")
      .values({
        exhibitor_id: (await own()).id,
        name_vi: "Vải thiều",
        category: "fruit",
        created_at: past,
        updated_at: past,
      })
      .execute();
    const late = await postForm(
      apply.action,
      APPLY,
      { intent: "submit", ...(await applicationFields()) },
      { cookie: exhibitor },
    );
    expect(late.status).toBe(409);
    expect((await jsonOf<{ errors: Record<string, string> }>(late)).errors[""]).toBe(
      "exhibition.applications.errors.closed",
    );
    expect((await own()).status).toBe("draft");
    const page = await jsonOf<{ closed: boolean }>(await call(apply.loader, { path: APPLY, cookie: exhibitor }));
    expect(page.closed).toBe(true);
    expect(
      (await postForm(apply.action, APPLY, { intent: "save", ...(await applicationFields()) }, { cookie: exhibitor }))
        .status,
    ).toBe(302);
    await getDb()
      .updateTable("exhibition_settings")
      .set({ applications_close_at: null })
      .where("conference_id", "=", conference_id)
      .execute();
    expect(
      (await postForm(apply.action, APPLY, { intent: "submit", ...(await applicationFields()) }, { cookie: exhibitor }))
        .status,
    ).toBe(302);
  });

  it("answers an unknown intent with 400", async () => {
    expect((await postForm(apply.action, APPLY, { intent: "approve" }, { cookie: exhibitor })).status).toBe(400);
  });
});
