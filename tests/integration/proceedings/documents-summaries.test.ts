import { describe, expect, it, beforeAll } from "vitest";
import { getDb } from "~/platform/db.server";
import { call, signInAs } from "../../helpers/remix";
import { cookieFor } from "../../helpers/meetings";
import { makeRapporteur, makeSession } from "./documents-fixtures";

/** The rapporteurs' summaries (/programme/sessions/:id/summary) and the public session page. */
let page: typeof import("~/routes/programme_.sessions.$id");
let summary: typeof import("~/routes/programme_.sessions.$id_.summary");
let publicPdf: typeof import("~/routes/programme_.sessions.$id_.documents.$docId.pdf");
let secretariat: string;
let delegate: string;

beforeAll(async () => {
  page = await import("~/routes/programme_.sessions.$id");
  summary = await import("~/routes/programme_.sessions.$id_.summary");
  publicPdf = await import("~/routes/programme_.sessions.$id_.documents.$docId.pdf");
  [secretariat, delegate] = await Promise.all([signInAs("secretariat"), signInAs("delegate")]);
});

type PageData = { summaries: Array<{ body: string }>; canWrite: boolean };
const summaryPath = (id: number) => `/programme/sessions/${id}/summary`;
const write = (id: number, cookie: string | null, form: Record<string, string>) =>
  call(summary.action, { path: summaryPath(id), form, cookie, params: { id: String(id) } });
const sessionPage = async (id: number, cookie: string | null = null) => {
  const response = await call(page.loader, { path: `/programme/sessions/${id}`, cookie, params: { id: String(id) } });
  return {
    status: response.status,
    data: response.status === 200 ? ((await response.json()) as PageData) : null,
  };
};

describe("the session summary", () => {
  it("is written by the session's rapporteur, kept private as a draft, and public once final", async () => {
    const { id } = await makeSession();
    const rapporteur = await cookieFor((await makeRapporteur(id)).userId);
    expect(
      (await call(summary.loader, { path: summaryPath(id), cookie: rapporteur, params: { id: String(id) } })).status,
    ).toBe(200);
    expect(
      (await write(id, rapporteur, { intent: "save", language: "vi", body: "## Kết luận\n\nBản **nháp**." })).status,
    ).toBe(302);
    const draft = await sessionPage(id);
    expect(draft.data!.summaries).toEqual([]);
    expect(
      (await write(id, rapporteur, { intent: "final", language: "vi", body: "## Kết luận\n\nBản **chính thức**." }))
        .status,
    ).toBe(302);
    const shown = await sessionPage(id);
    expect(shown.data!.summaries).toHaveLength(1);
    expect(shown.data!.summaries[0].body).toContain("chính thức");
    // The rapporteur sees the button, a visitor does not.
    expect((await sessionPage(id, rapporteur)).data!.canWrite).toBe(true);
    expect(shown.data!.canWrite).toBe(false);
    const rows = await getDb().selectFrom("documents").selectAll().where("session_id", "=", id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "summary", language: "vi", state: "final" });
    expect(rows[0]!.author_name).toMatch(/^Đại biểu/);
    expect((await write(id, rapporteur, { intent: "reopen", language: "vi" })).status).toBe(302);
    expect((await sessionPage(id)).data!.summaries).toEqual([]);
  });

  it("is one per session and language: two rapporteurs share it, the secretariat may edit it", async () => {
    const { id } = await makeSession();
    const first = await cookieFor((await makeRapporteur(id, "prov-quang-ngai")).userId);
    const second = await cookieFor((await makeRapporteur(id, "prov-binh-dinh")).userId);
    await write(id, first, { intent: "save", language: "vi", body: "Phần của người thứ nhất." });
    await write(id, second, { intent: "save", language: "vi", body: "Người thứ hai sửa." });
    await write(id, secretariat, { intent: "final", language: "en", body: "The English summary." });
    const rows = await getDb()
      .selectFrom("documents")
      .select(["language", "body"])
      .where("session_id", "=", id)
      .orderBy("language")
      .execute();
    expect(rows).toEqual([
      { language: "en", body: "The English summary." },
      { language: "vi", body: "Người thứ hai sửa." },
    ]);
  });

  it("refuses a delegate who is not its rapporteur, a rapporteur of another session, and a visitor", async () => {
    const { id } = await makeSession();
    const other = await makeSession();
    const otherRapporteur = await cookieFor((await makeRapporteur(other.id, "prov-phu-yen")).userId);
    for (const cookie of [delegate, otherRapporteur]) {
      expect((await call(summary.loader, { path: summaryPath(id), cookie, params: { id: String(id) } })).status).toBe(
        403,
      );
      for (const intent of ["save", "final", "reopen", "nonsense"])
        expect((await write(id, cookie, { intent, language: "vi", body: "Chen vào." })).status, intent).toBe(403);
    }
    expect(
      (await call(summary.loader, { path: summaryPath(id), cookie: null, params: { id: String(id) } })).status,
    ).toBe(302);
    expect((await write(id, null, { intent: "save", language: "vi", body: "x" })).status).toBe(302);
    expect(await getDb().selectFrom("documents").select("id").where("session_id", "=", id).execute()).toEqual([]);
  });

  it("keeps the text typed when it is refused, and has no summary for a plenary", async () => {
    const { id } = await makeSession();
    const rapporteur = await cookieFor((await makeRapporteur(id, "prov-khanh-hoa")).userId);
    const empty = await write(id, rapporteur, { intent: "final", language: "xx", body: "Giữ lại chữ này" });
    expect(empty.status).toBe(400);
    const data = (await empty.json()) as { values: Record<string, string>; errors: Record<string, string> };
    expect(data.values.body).toBe("Giữ lại chữ này");
    expect(data.errors.language).toBe("proceedings.documents.errors.language");
    const plenary = await makeSession({ kind: "plenary" });
    const refused = await write(plenary.id, secretariat, { intent: "save", language: "vi", body: "x" });
    expect(refused.status).toBe(400);
  });
});

describe("the session page", () => {
  it("shows a published session to anyone, never an unpublished one, and final documents' PDFs only", async () => {
    const { id } = await makeSession();
    expect((await sessionPage(id)).status).toBe(200);
    const hidden = await makeSession({ published: false });
    expect((await sessionPage(hidden.id)).status).toBe(404);
    expect((await sessionPage(hidden.id, secretariat)).status).toBe(404);
    const rapporteur = await cookieFor((await makeRapporteur(hidden.id, "prov-ninh-thuan")).userId);
    expect(
      (
        await call(summary.loader, {
          path: summaryPath(hidden.id),
          cookie: rapporteur,
          params: { id: String(hidden.id) },
        })
      ).status,
    ).toBe(404);
    await write(id, secretariat, { intent: "save", language: "vi", body: "Nháp." });
    const doc = await getDb()
      .selectFrom("documents")
      .select("id")
      .where("session_id", "=", id)
      .executeTakeFirstOrThrow();
    const pdfOf = () =>
      call(publicPdf.loader, {
        path: `/programme/sessions/${id}/documents/${doc.id}/pdf`,
        params: { id: String(id), docId: String(doc.id) },
      });
    expect((await pdfOf()).status).toBe(404);
    await write(id, secretariat, { intent: "final", language: "vi", body: "Chính thức." });
    const answer = await pdfOf();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/pdf");
    const elsewhere = await call(publicPdf.loader, {
      path: `/programme/sessions/${hidden.id}/documents/${doc.id}/pdf`,
      params: { id: String(hidden.id), docId: String(doc.id) },
    });
    expect(elsewhere.status).toBe(404);
  });
});
