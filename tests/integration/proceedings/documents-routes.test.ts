import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { DOCUMENT_LIMITS } from "~/features/proceedings/rules";
import { call, signInAs } from "../../helpers/remix";
import { postForm } from "../exhibition/application-support";
import { documentInput, makeSession, pngBytes } from "./documents-fixtures";

/** The staff's document routes: who may call each loader and intent, and what the editor keeps on a refusal. */
let dir: string;
let secretariat: string;
let organiser: string;
let delegate: string;
let exhibitor: string;
let list: typeof import("~/routes/admin.documents._index");
let create: typeof import("~/routes/admin.documents.new");
let edit: typeof import("~/routes/admin.documents.$id");
let pdf: typeof import("~/routes/admin.documents.$id_.pdf");
let image: typeof import("~/routes/admin.documents.$id_.images.$imageId");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "documents-routes-"));
  process.env.UPLOADS_DIR = dir;
  [secretariat, organiser, delegate, exhibitor] = await Promise.all([
    signInAs("secretariat"),
    signInAs("organiser"),
    signInAs("delegate"),
    signInAs("exhibitor"),
  ]);
  list = await import("~/routes/admin.documents._index");
  create = await import("~/routes/admin.documents.new");
  edit = await import("~/routes/admin.documents.$id");
  pdf = await import("~/routes/admin.documents.$id_.pdf");
  image = await import("~/routes/admin.documents.$id_.images.$imageId");
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

async function newDocument(cookie = secretariat, overrides: Record<string, string> = {}) {
  const response = await call(create.action, {
    path: "/admin/documents/new",
    form: { intent: "save", ...documentInput(overrides) },
    cookie,
  });
  expect(response.status).toBe(302);
  return Number(response.headers.get("Location")!.split("/").pop());
}

describe("who may use the documents' pages", () => {
  it("lets the secretariat and organisers in; a delegate or exhibitor gets 403, a visitor the sign-in page", async () => {
    const id = await newDocument();
    const params = { id: String(id) };
    for (const cookie of [secretariat, organiser]) {
      expect((await call(list.loader, { path: "/admin/documents", cookie })).status).toBe(200);
      expect((await call(create.loader, { path: "/admin/documents/new", cookie })).status).toBe(200);
      expect((await call(edit.loader, { path: `/admin/documents/${id}`, cookie, params })).status).toBe(200);
    }
    const calls = [
      () => call(list.loader, { path: "/admin/documents", cookie: null }),
      () => call(create.loader, { path: "/admin/documents/new", cookie: null }),
      () => call(edit.loader, { path: `/admin/documents/${id}`, cookie: null, params }),
      () => call(pdf.loader, { path: `/admin/documents/${id}/pdf`, cookie: null, params }),
    ];
    for (const c of calls) expect((await c()).status).toBe(302);
    for (const cookie of [delegate, exhibitor]) {
      expect((await call(list.loader, { path: "/admin/documents", cookie })).status).toBe(403);
      expect(
        (
          await call(create.action, {
            path: "/admin/documents/new",
            form: { intent: "save", ...documentInput() },
            cookie,
          })
        ).status,
      ).toBe(403);
      expect((await call(edit.loader, { path: `/admin/documents/${id}`, cookie, params })).status).toBe(403);
      expect((await call(pdf.loader, { path: `/admin/documents/${id}/pdf`, cookie, params })).status).toBe(403);
      expect(
        (
          await call(image.loader, {
            path: `/admin/documents/${id}/images/1`,
            cookie,
            params: { id: String(id), imageId: "1" },
          })
        ).status,
      ).toBe(403);
      for (const intent of ["save", "finalise", "reopen", "delete", "addImage", "caption", "deleteImage", "nonsense"]) {
        const response = await call(edit.action, {
          path: `/admin/documents/${id}`,
          form: { intent, imageId: "1", ...documentInput() },
          cookie,
          params,
        });
        expect(response.status, intent).toBe(403);
      }
    }
    expect(
      (await getDb().selectFrom("documents").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state,
    ).toBe("draft");
  });

  it("answers 404 for a document that does not exist and 400 for an unknown intent", async () => {
    const params = { id: "999999" };
    expect((await call(edit.loader, { path: "/admin/documents/999999", cookie: secretariat, params })).status).toBe(
      404,
    );
    expect((await call(pdf.loader, { path: "/admin/documents/999999/pdf", cookie: secretariat, params })).status).toBe(
      404,
    );
    expect(
      (
        await call(edit.action, {
          path: "/admin/documents/999999",
          form: { intent: "finalise" },
          cookie: secretariat,
          params,
        })
      ).status,
    ).toBe(404);
    const id = await newDocument();
    expect(
      (
        await call(edit.action, {
          path: `/admin/documents/${id}`,
          form: { intent: "nonsense" },
          cookie: secretariat,
          params: { id: String(id) },
        })
      ).status,
    ).toBe(400);
  });
});

describe("the editor", () => {
  it("saves, finalises, reopens and deletes through its intents", async () => {
    const id = await newDocument();
    const params = { id: String(id) };
    const post = (form: Record<string, string>) =>
      call(edit.action, { path: `/admin/documents/${id}`, form, cookie: secretariat, params });
    expect((await post({ intent: "save", ...documentInput({ title: "Đã sửa" }) })).status).toBe(302);
    expect((await post({ intent: "finalise" })).status).toBe(302);
    const row = () =>
      getDb().selectFrom("documents").select(["title", "state"]).where("id", "=", id).executeTakeFirst();
    expect(await row()).toEqual({ title: "Đã sửa", state: "final" });
    expect((await post({ intent: "reopen" })).status).toBe(302);
    expect((await row())?.state).toBe("draft");
    const deleted = await post({ intent: "delete" });
    expect(deleted.headers.get("Location")).toBe("/admin/documents");
    expect(await row()).toBeUndefined();
  });

  it("gives back every typed value on a refusal, a 600,000-character body too", async () => {
    const body = "Đoạn văn dài về hợp tác quốc tế. ".repeat(20_000).slice(0, DOCUMENT_LIMITS.body);
    const response = await call(create.action, {
      path: "/admin/documents/new",
      form: { intent: "save", ...documentInput({ title: "", body }) },
      cookie: secretariat,
    });
    expect(response.status).toBe(400);
    const data = (await response.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(data.errors.title).toBe("errors.required");
    expect(data.values.body).toBe(body);
    const id = await newDocument(secretariat, { kind: "summary", sessionId: String((await makeSession()).id) });
    const refused = await call(edit.action, {
      path: `/admin/documents/${id}`,
      form: { intent: "save", ...documentInput({ kind: "summary", sessionId: "", body }) },
      cookie: secretariat,
      params: { id: String(id) },
    });
    expect(refused.status).toBe(400);
    const back = (await refused.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(back.errors.sessionId).toBe("proceedings.documents.errors.summaryNeedsSession");
    expect(back.values.body.length).toBe(body.length);
  });

  it("uploads an image (refusals beside the field, the caption kept), serves it to staff only, captions and deletes it", async () => {
    const id = await newDocument();
    const params = { id: String(id) };
    const path = `/admin/documents/${id}`;
    const refused = await postForm(
      edit.action,
      path,
      { intent: "addImage", caption: "Hội trường" },
      {
        cookie: secretariat,
        params,
        files: { image: { bytes: new TextEncoder().encode("not an image"), name: "x.png", type: "image/png" } },
      },
    );
    expect(refused.status).toBe(400);
    const data = (await refused.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(data.errors.image).toBe("proceedings.documents.errors.imageNotImage");
    expect(data.values.caption).toBe("Hội trường");
    const tooBig = await postForm(
      edit.action,
      path,
      { intent: "addImage", caption: "" },
      {
        cookie: secretariat,
        params,
        files: { image: { bytes: new Uint8Array(DOCUMENT_LIMITS.imageBytes + 10), name: "big.jpg" } },
      },
    );
    expect(((await tooBig.json()) as { errors: Record<string, string> }).errors.image).toBe(
      "proceedings.documents.errors.imageTooLarge",
    );
    const ok = await postForm(
      edit.action,
      path,
      { intent: "addImage", caption: "Hội trường" },
      {
        cookie: secretariat,
        params,
        files: { image: { bytes: await pngBytes(), name: "hall.png", type: "image/png" } },
      },
    );
    expect(ok.status).toBe(302);
    const stored = await getDb()
      .selectFrom("document_images")
      .selectAll()
      .where("document_id", "=", id)
      .executeTakeFirstOrThrow();
    const imageParams = { id: String(id), imageId: String(stored.id) };
    const served = await call(image.loader, {
      path: `${path}/images/${stored.id}`,
      cookie: secretariat,
      params: imageParams,
    });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Cache-Control")).toMatch(/^private/);
    const wrongDocument = await call(image.loader, {
      path: `/admin/documents/1/images/${stored.id}`,
      cookie: secretariat,
      params: { id: String(id + 1), imageId: String(stored.id) },
    });
    expect(wrongDocument.status).toBe(404);
    expect(
      (
        await postForm(
          edit.action,
          path,
          { intent: "caption", imageId: String(stored.id), caption: "Toàn cảnh" },
          { cookie: secretariat, params },
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await getDb()
          .selectFrom("document_images")
          .select("caption")
          .where("id", "=", stored.id)
          .executeTakeFirstOrThrow()
      ).caption,
    ).toBe("Toàn cảnh");
    expect(
      (
        await postForm(
          edit.action,
          path,
          { intent: "deleteImage", imageId: String(stored.id) },
          { cookie: secretariat, params },
        )
      ).status,
    ).toBe(302);
    expect(
      (await call(image.loader, { path: `${path}/images/${stored.id}`, cookie: secretariat, params: imageParams }))
        .status,
    ).toBe(404);
  });

  it("filters the list by kind and finds a title without its diacritics", async () => {
    await newDocument(secretariat, { title: "Tham luận Quảng Ninh về du lịch", kind: "presentation" });
    const response = await call(list.loader, {
      path: "/admin/documents?kind=presentation&q=quang%20ninh",
      cookie: secretariat,
    });
    const data = (await response.json()) as { rows: Array<{ title: string; kind: string }> };
    expect(data.rows.map((r) => r.title)).toContain("Tham luận Quảng Ninh về du lịch");
    expect(data.rows.every((r) => r.kind === "presentation")).toBe(true);
  });
});
