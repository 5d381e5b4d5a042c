import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { commitBoothImport, previewBoothImport } from "~/features/exhibition/plan/booth-import.server";
import { saveBooth } from "~/features/exhibition/plan/booths.server";
import { saveHall, saveObstacle } from "~/features/exhibition/plan/halls.server";
import { boothSchema, hallSchema } from "~/features/exhibition/plan/schema";
import { action } from "~/routes/admin.exhibition.plan_.import";
import { loader as templateLoader } from "~/routes/admin.exhibition.plan.template[.]csv";
import { demoConference } from "../../helpers/factories";
import { call, signInAs } from "../../helpers/remix";

const actor = { id: null, ip: null };
let conferenceId = 0;
let hallId = 0;
const bytes = (text: string) => new TextEncoder().encode(text);

beforeEach(async () => {
  conferenceId = (await demoConference()).id;
  const db = getDb();
  const old = await db.selectFrom("exhibition_halls").select("id").where("code", "=", "ZI").executeTakeFirst();
  if (old) {
    await db.deleteFrom("booths").where("hall_id", "=", old.id).execute();
    await db.deleteFrom("exhibition_halls").where("id", "=", old.id).execute();
  }
  const hall = await saveHall(
    db,
    conferenceId,
    null,
    hallSchema.parse({
      code: "ZI",
      nameVi: "Nhà nhập",
      nameEn: "Import hall",
      width: "30",
      depth: "20",
      grid: "0.5",
      minAisle: "3",
    }),
    actor,
  );
  if (!hall.ok) throw new Error("hall");
  hallId = hall.id;
  await saveObstacle(
    db,
    conferenceId,
    null,
    { hallId, kind: "column", x: 15, y: 15, w: 0.5, h: 0.5, label: "C9" },
    actor,
  );
  await saveBooth(
    db,
    conferenceId,
    null,
    boothSchema.parse({
      hallId: String(hallId),
      code: "ZI-00",
      zone: "ocop",
      type: "standard",
      x: "20",
      y: "2",
      w: "3",
      h: "3",
    }),
    actor,
  );
});

const VI_FILE = [
  "Mã gian;Nhà;Khu;Loại gian;X (m);Y (m);Rộng (m);Sâu (m);Diện tích (m²);Điện;Nước",
  "ZI-01;ZI;ocop;standard;2;2;3;3;;có;",
  "ZI-02;ZI;Thực phẩm chế biến;Gian góc;5;2;3;3;10;;x",
  "ZI-03;ZI;ocop;standard;6;2;3;3;;;", // overlaps ZI-02 (line 3)
  "ZI-04;ZZ;ocop;standard;2;10;3;3;;;", // unknown hall
  "ZI-05;ZI;vũ trụ;standard;2;14;3;3;;;", // unknown zone
  "ZI-06;ZI;ocop;standard;14;14;3;3;;;", // on the column
  "ZI-07;ZI;ocop;standard;21;3;3;3;;;", // on the booth already there
  "ZI-01;ZI;ocop;standard;10;10;3;3;;;", // code repeated
  "ZI-08;ZI;ocop;standard;29;2;3;3;;;", // outside
  "ZI-00;ZI;ocop;standard;2;17;3;3;;;", // code taken
  "ZI-09;ZI;ocop;standard;abc;17;3;3;;;", // not a number
].join("\r\n");

describe("booth CSV import", () => {
  it("previews every row with its errors and writes nothing", async () => {
    const preview = await previewBoothImport(getDb(), conferenceId, bytes(VI_FILE));
    if (!preview.ok) throw new Error(preview.problem.key);
    expect(preview.counts).toEqual({ total: 11, valid: 2, error: 9 });
    const byLine = new Map(preview.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)?.booth).toMatchObject({ code: "ZI-01", zone: "ocop", power: true, water: false, area: 9 });
    expect(byLine.get(3)?.booth).toMatchObject({ zone: "food", type: "corner", area: 10, water: true });
    const errorOf = (line: number) => byLine.get(line)!.errors.map((e) => [e.column, e.key]);
    expect(errorOf(4)).toEqual([["x", "exhibition.plan.import.overlapRow"]]);
    expect(byLine.get(4)!.errors[0]!.params).toEqual({ code: "ZI-02", line: 3 });
    expect(errorOf(5)).toEqual([["hall", "exhibition.plan.import.unknownHall"]]);
    expect(errorOf(6)).toEqual([["zone", "exhibition.plan.import.badValue"]]);
    expect(errorOf(7)).toEqual([["x", "exhibition.plan.error.onObstacle"]]);
    expect(errorOf(8)).toEqual([["x", "exhibition.plan.error.overlap"]]);
    expect(errorOf(9)).toEqual([["code", "exhibition.plan.import.codeRepeated"]]);
    expect(errorOf(10)).toEqual([["x", "exhibition.plan.error.outside"]]);
    expect(errorOf(11)).toEqual([["code", "exhibition.plan.error.codeTaken"]]);
    expect(errorOf(12)).toEqual([["x", "exhibition.plan.error.number"]]);
    expect(await getDb().selectFrom("booths").select("id").where("hall_id", "=", hallId).execute()).toHaveLength(1);
  });

  it("reads English headers, names and yes/no", async () => {
    const file =
      "Code,Hall,Zone,Type,X,Y,Width,Depth,Power,Water\r\nZI-11,Import hall,Tourism and culture,Island,2,8,4,4,yes,no\r\n";
    const preview = await previewBoothImport(getDb(), conferenceId, bytes(file));
    expect(preview).toMatchObject({
      ok: true,
      counts: { valid: 1 },
      rows: [{ booth: { zone: "tourism", type: "island", power: true } }],
    });
  });

  it("refuses a file without the required columns", async () => {
    expect(await previewBoothImport(getDb(), conferenceId, bytes("Mã gian,Nhà\r\nA,B\r\n"))).toMatchObject({
      ok: false,
      problem: { key: "exhibition.plan.import.missingColumns" },
    });
  });

  it("commits the valid rows in one transaction, audited, and refuses a changed file", async () => {
    const preview = await previewBoothImport(getDb(), conferenceId, bytes(VI_FILE));
    if (!preview.ok) throw new Error("preview");
    expect(
      await commitBoothImport(getDb(), conferenceId, bytes(VI_FILE + "\r\n"), preview.digest, actor),
    ).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.import.changed" },
    });
    expect(await commitBoothImport(getDb(), conferenceId, bytes(VI_FILE), preview.digest, actor)).toEqual({
      ok: true,
      created: 2,
      skipped: 9,
    });
    const codes = (
      await getDb().selectFrom("booths").select("code").where("hall_id", "=", hallId).orderBy("code").execute()
    ).map((b) => b.code);
    expect(codes).toEqual(["ZI-00", "ZI-01", "ZI-02"]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "exhibition_booth.import")
      .execute();
    expect(JSON.parse(audit.at(-1)!.detail!)).toMatchObject({ created: 2, codes: ["ZI-01", "ZI-02"] });
    // The same file again: every row's code is now taken, nothing more is written.
    const again = await previewBoothImport(getDb(), conferenceId, bytes(VI_FILE));
    expect(again).toMatchObject({ ok: true, counts: { valid: 0 } });
  });

  it("goes through the page: preview, then commit", async () => {
    const cookie = await signInAs("organiser");
    const post = async (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const request = new Request("http://localhost:3000/admin/exhibition/plan/import", {
        method: "POST",
        body: form,
        headers: { Cookie: cookie },
      });
      return (await action({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
    };
    const preview = await post({ intent: "preview", file: new File([VI_FILE], "gian.csv", { type: "text/csv" }) });
    const data = (await preview.json()) as { stage: string; content: string; digest: string; rows: { line: number }[] };
    expect(data.stage).toBe("preview");
    // Rows with errors come first.
    expect(data.rows[0]!.line).toBe(4);
    const done = await post({ intent: "commit", content: data.content, digest: data.digest });
    expect(await done.json()).toEqual({ stage: "done", created: 2, skipped: 9 });
  });

  it("serves the template to organisers only, in the asked language", async () => {
    const organiser = await signInAs("organiser");
    const response = await call(templateLoader, {
      path: "/admin/exhibition/plan/template.csv?lang=en",
      cookie: organiser,
    });
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toContain("Code,Hall,Zone,Type,X (m)");
    const secretariat = await signInAs("secretariat");
    expect(
      (await call(templateLoader, { path: "/admin/exhibition/plan/template.csv", cookie: secretariat })).status,
    ).toBe(403);
  });
});
