import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDocument,
  deleteDocument,
  getDocument,
  listDocuments,
  setDocumentState,
  updateDocument,
} from "~/features/proceedings/documents/documents.server";
import { addDocumentImage, imagesForPdf } from "~/features/proceedings/documents/images.server";
import { documentSchema } from "~/features/proceedings/documents/schema";
import { DOCUMENT_LIMITS } from "~/features/proceedings/rules";
import { getDb } from "~/platform/db.server";
import { parseWith } from "~/platform/forms/fields";
import { demoConference } from "../../helpers/factories";
import { actor, documentInput, makeSession, pngBytes } from "./documents-fixtures";

/** The documents model against the real database: validation, links, state, search, images, audit. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "documents-"));
  process.env.UPLOADS_DIR = dir;
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const parse = (overrides: Record<string, string> = {}) => {
  const parsed = parseWith(documentSchema, documentInput(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
};
const audits = (action: string, id: number) =>
  getDb()
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .where("entity_id", "=", String(id))
    .execute();

describe("the document schema", () => {
  it("refuses a missing title, an unknown kind, a summary without a session and a body over the limit", () => {
    const bad = parseWith(documentSchema, documentInput({ title: " ", kind: "poem", position: "x" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["kind", "position", "title"]);
    const summary = parseWith(documentSchema, documentInput({ kind: "summary" }));
    expect(summary.ok ? null : summary.errors.sessionId).toBe("proceedings.documents.errors.summaryNeedsSession");
    const long = parseWith(documentSchema, documentInput({ body: "a".repeat(DOCUMENT_LIMITS.body + 1) }));
    expect(long.ok ? null : long.errors.body).toBe("errors.tooLong");
    const ok = parseWith(documentSchema, documentInput({ body: "\r\n    mã\u0000\r\n" }));
    expect(ok.ok && ok.data.body).toBe("\n    mã");
  });
});

describe("documents", () => {
  it("creates, updates, finalises, reopens and deletes, auditing each with the title", async () => {
    const conference = await demoConference();
    const who = await actor();
    const created = await createDocument(getDb(), conference.id, parse(), who);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.id;
    expect((await getDocument(getDb(), conference.id, id))?.state).toBe("draft");
    expect((await updateDocument(getDb(), conference.id, id, parse({ title: "Bài phát biểu bế mạc" }), who)).ok).toBe(
      true,
    );
    expect((await setDocumentState(getDb(), conference.id, id, "final", who)).ok).toBe(true);
    const final = await getDocument(getDb(), conference.id, id);
    expect(final?.state).toBe("final");
    expect(final?.finalised_at).not.toBeNull();
    expect((await setDocumentState(getDb(), conference.id, id, "draft", who)).ok).toBe(true);
    expect((await getDocument(getDb(), conference.id, id))?.finalised_at).toBeNull();
    expect((await deleteDocument(getDb(), conference.id, id, who)).ok).toBe(true);
    expect(await getDocument(getDb(), conference.id, id)).toBeNull();
    for (const action of [
      "document.create",
      "document.update",
      "document.finalise",
      "document.reopen",
      "document.delete",
    ]) {
      const [entry] = await audits(action, id);
      expect(entry, action).toBeDefined();
      expect(entry!.entity).toBe("document");
      expect(JSON.parse(entry!.detail!).title).toMatch(/^Bài phát biểu/);
    }
  });

  it("refuses an empty document as final, another conference's session, an unapproved author", async () => {
    const conference = await demoConference();
    const who = await actor();
    const empty = await createDocument(getDb(), conference.id, parse({ body: "" }), who);
    if (!empty.ok) throw new Error("create failed");
    const refused = await setDocumentState(getDb(), conference.id, empty.id, "final", who);
    expect(refused.ok ? null : refused.refusal).toMatchObject({ kind: "invalid", field: "body" });
    const session = await createDocument(getDb(), conference.id, parse({ sessionId: "999999" }), who);
    expect(session.ok ? null : session.refusal).toMatchObject({ kind: "invalid", field: "sessionId" });
    const author = await createDocument(getDb(), conference.id, parse({ authorRegistrationId: "999999" }), who);
    expect(author.ok ? null : author.refusal).toMatchObject({ kind: "invalid", field: "authorRegistrationId" });
    expect(await getDocument(getDb(), conference.id + 1000, empty.id)).toBeNull();
  });

  it("allows one summary per discussion session and language", async () => {
    const { id: sessionId, conferenceId } = await makeSession();
    const plenary = await makeSession({ kind: "plenary" });
    const who = await actor();
    const summary = (language: string, session = sessionId) =>
      createDocument(getDb(), conferenceId, parse({ kind: "summary", sessionId: String(session), language }), who);
    expect((await summary("vi")).ok).toBe(true);
    expect((await summary("en")).ok).toBe(true);
    const second = await summary("vi");
    expect(second.ok ? null : second.refusal).toMatchObject({
      kind: "conflict",
      key: "proceedings.documents.errors.summaryExists",
    });
    const onPlenary = await summary("vi", plenary.id);
    expect(onPlenary.ok ? null : onPlenary.refusal.key).toBe("proceedings.documents.errors.summaryNeedsDiscussion");
  });

  it("lists with filters and a search that ignores diacritics", async () => {
    const conference = await demoConference();
    const who = await actor();
    const { id: sessionId } = await makeSession();
    await createDocument(
      getDb(),
      conference.id,
      parse({ title: "Báo cáo tổng kết công tác đối ngoại", kind: "report", authorName: "Nguyễn Thị Hằng" }),
      who,
    );
    await createDocument(
      getDb(),
      conference.id,
      parse({ title: "Tham luận Đà Nẵng", kind: "presentation", language: "en", sessionId: String(sessionId) }),
      who,
    );
    const all = await listDocuments(getDb(), conference.id, {});
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect((await listDocuments(getDb(), conference.id, { q: "tong ket doi ngoai" })).map((d) => d.title)).toContain(
      "Báo cáo tổng kết công tác đối ngoại",
    );
    expect((await listDocuments(getDb(), conference.id, { q: "nguyen thi hang" })).length).toBeGreaterThanOrEqual(1);
    const filtered = await listDocuments(getDb(), conference.id, { kind: "presentation", language: "en", sessionId });
    expect(filtered.map((d) => d.title)).toEqual(["Tham luận Đà Nẵng"]);
    expect(filtered[0]).not.toHaveProperty("body");
  });
});

describe("document images", () => {
  it("stores a checked image, keeps transparency as a PNG for the PDF, and refuses what is not a picture", async () => {
    const conference = await demoConference();
    const who = await actor();
    const created = await createDocument(getDb(), conference.id, parse(), who);
    if (!created.ok) throw new Error("create failed");
    const added = await addDocumentImage(
      getDb(),
      conference.id,
      created.id,
      { bytes: await pngBytes(), caption: "Ảnh" },
      who,
    );
    const clear = await addDocumentImage(
      getDb(),
      conference.id,
      created.id,
      { bytes: await pngBytes(100, 50, true), caption: "" },
      who,
    );
    expect(added.ok && clear.ok).toBe(true);
    expect(readdirSync(join(dir, "documents")).length).toBeGreaterThanOrEqual(2);
    const images = (await imagesForPdf(getDb(), [created.id])).get(created.id)!;
    expect([...images.values()].map((i) => i.data.split(";")[0])).toEqual(["data:image/jpeg", "data:image/png"]);
    const text = await addDocumentImage(
      getDb(),
      conference.id,
      created.id,
      { bytes: new TextEncoder().encode("<svg/>"), caption: "" },
      who,
    );
    expect(text.ok ? null : text.refusal).toMatchObject({
      kind: "invalid",
      key: "proceedings.documents.errors.imageNotImage",
      field: "image",
    });
    const empty = await addDocumentImage(
      getDb(),
      conference.id,
      created.id,
      { bytes: new Uint8Array(), caption: "" },
      who,
    );
    expect(empty.ok ? null : empty.refusal.key).toBe("proceedings.documents.errors.imageMissing");
    const tooBig = await addDocumentImage(
      getDb(),
      conference.id,
      created.id,
      { bytes: new Uint8Array(DOCUMENT_LIMITS.imageBytes + 1), caption: "" },
      who,
    );
    expect(tooBig.ok ? null : tooBig.refusal.key).toBe("proceedings.documents.errors.imageTooLarge");
  });

  it("stops at the limit of images per document", async () => {
    const conference = await demoConference();
    const who = await actor();
    const created = await createDocument(getDb(), conference.id, parse(), who);
    if (!created.ok) throw new Error("create failed");
    const bytes = await pngBytes(20, 20);
    for (let i = 0; i < DOCUMENT_LIMITS.imagesPerDocument; i++)
      expect((await addDocumentImage(getDb(), conference.id, created.id, { bytes, caption: "" }, who)).ok).toBe(true);
    const over = await addDocumentImage(getDb(), conference.id, created.id, { bytes, caption: "" }, who);
    expect(over.ok ? null : over.refusal).toMatchObject({
      kind: "conflict",
      key: "proceedings.documents.errors.tooManyImages",
    });
    const files = readdirSync(join(dir, "documents")).length;
    expect((await deleteDocument(getDb(), conference.id, created.id, who)).ok).toBe(true);
    expect(readdirSync(join(dir, "documents")).length).toBe(files - DOCUMENT_LIMITS.imagesPerDocument);
  });
});
