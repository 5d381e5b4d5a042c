import { beforeEach, describe, expect, it } from "vitest";
import { action as importAction } from "~/routes/admin.exhibition.plan_.import";
import { action as planAction } from "~/routes/admin.exhibition.plan";
import { getDb } from "~/platform/db.server";
import { call, signInAs } from "../../helpers/remix";
import { changedTables, digest } from "../../helpers/digest";
import { allocate, exhibitor, hallWith, resetExhibition, ROW } from "./allocation-data";

/**
 * The plan under forged or hostile input: CSV cells that are formulas, files too large or too long,
 * an allocated booth moved, resized, deleted or held, a hall with booths deleted, a booth put in a
 * hall that does not exist here. Each refused, nothing written.
 */
let cookie: string;
let hallId: number;
let ids: Record<string, number>;

beforeEach(async () => {
  await resetExhibition();
  ({ ids } = await hallWith(ROW));
  hallId = (
    await getDb().selectFrom("exhibition_halls").select("id").where("code", "=", "H1").executeTakeFirstOrThrow()
  ).id;
  cookie = await signInAs("organiser");
});

const postImport = async (fields: Record<string, string | Blob>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const request = new Request("http://localhost:3000/admin/exhibition/plan/import", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
  return (await importAction({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
};
const HEADER = "code,hall,zone,type,x,y,width,depth,area,power,water";

describe("booth CSV import from a hostile file", () => {
  it("refuses formula cells row by row, writes none of them, and shows them as typed", async () => {
    const file = [
      HEADER,
      `"=cmd|' /C calc'!A0",H1,ocop,standard,2,10,3,3,,,`,
      `B-01,"=HYPERLINK(""http://evil.test"")",ocop,standard,6,10,3,3,,,`,
      `B-02,H1,@SUM(A1),standard,10,10,3,3,,,`,
      `B-03,H1,ocop,+cmd,14,10,3,3,,,`,
      `B-04,H1,ocop,standard,-1+1,10,3,3,,,`,
      `B-05,H1,ocop,standard,18,10,3,3,=1+1,,`,
    ].join("\r\n");
    const before = digest({ ignore: ["auth_sessions"] });
    const preview = await postImport({
      intent: "preview",
      file: new File([file], "<script>.csv", { type: "text/csv" }),
    });
    const data = (await preview.json()) as {
      stage: string;
      fileName: string;
      counts: { valid: number; error: number };
      rows: { values: Record<string, string>; booth: unknown }[];
      content: string;
      digest: string;
    };
    expect(data.stage).toBe("preview");
    expect(data.counts).toMatchObject({ valid: 0, error: 6 });
    expect(data.rows.every((r) => r.booth === null)).toBe(true);
    expect(data.rows.map((r) => r.values.code)).toContain("=cmd|' /C calc'!A0");
    const done = await postImport({ intent: "commit", content: data.content, digest: data.digest });
    expect(done.status).toBe(409);
    expect(await done.json()).toMatchObject({ problem: { key: "exhibition.plan.import.noValidRows" } });
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
  });

  it("refuses a file over 2 MB and one of more rows than it takes, with their own messages", async () => {
    const big = new File([HEADER + "\r\n" + "x".repeat(2 * 1024 * 1024)], "big.csv", { type: "text/csv" });
    const tooBig = await postImport({ intent: "preview", file: big });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ problem: { key: "exhibition.plan.import.tooLarge" } });
    const rows = Array.from({ length: 3001 }, (_, i) => `Z${i},H1,ocop,standard,0,0,1,1,,,`);
    const long = await postImport({ intent: "preview", file: new File([[HEADER, ...rows].join("\r\n")], "long.csv") });
    expect(await long.json()).toMatchObject({ problem: { key: "exhibition.plan.import.tooManyRows" } });
    // A commit whose content is larger than the limit (forged: a preview would not have sent it).
    const forged = await postImport({
      intent: "commit",
      content: Buffer.alloc(2 * 1024 * 1024 + 1, 0x41).toString("base64"),
      digest: "0",
    });
    expect(forged.status).toBe(413);
  });
});

describe("the plan editor and allocated booths", () => {
  const plan = (form: Record<string, string>) => call(planAction, { path: "/admin/exhibition/plan", cookie, form });

  it("moves, resizes, re-halls, holds and deletes no allocated booth; deletes no hall with booths", async () => {
    const holder = await exhibitor({ name: "Chủ gian" });
    await allocate(holder, ids.A01);
    const before = digest({ ignore: ["auth_sessions"] });
    const id = String(ids.A01);
    const booth = { id, hallId: String(hallId), code: "A01", zone: "ocop", type: "standard", x: "0", y: "0" };
    const attempts: [string, Record<string, string>][] = [
      ["move", { intent: "moveBooth", id, x: "0", y: "10", w: "3", h: "3" }],
      ["resize", { intent: "moveBooth", id, x: "0", y: "0", w: "2", h: "3" }],
      ["save moved", { intent: "saveBooth", ...booth, x: "0", y: "10", w: "3", h: "3" }],
      ["hold", { intent: "holdBooth", id, held: "1" }],
      ["save held", { intent: "saveBooth", ...booth, w: "3", h: "3", held: "on" }],
      ["delete", { intent: "deleteBooth", id }],
      ["delete hall", { intent: "deleteHall", id: String(hallId) }],
    ];
    for (const [what, form] of attempts) expect((await plan(form)).status, what).toBe(409);
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
  });

  it("puts no booth in a hall that is not this conference's, and finds no booth of an id not its own", async () => {
    const before = digest({ ignore: ["auth_sessions"] });
    const add = await plan({
      intent: "saveBooth",
      hallId: "999999",
      code: "X01",
      zone: "ocop",
      type: "standard",
      x: "30",
      y: "10",
      w: "3",
      h: "3",
    });
    expect(add.status).toBe(400);
    for (const intent of ["deleteBooth", "holdBooth", "deleteHall", "deleteObstacle"])
      expect((await plan({ intent, id: "999999" })).status, intent).toBe(404);
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
  });
});
