import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "~/features/proceedings/documents/documents.server";
import { addDocumentImage } from "~/features/proceedings/documents/images.server";
import { documentSchema } from "~/features/proceedings/documents/schema";
import { getDb } from "~/platform/db.server";
import { parseWith } from "~/platform/forms/fields";
import { demoConference } from "../../helpers/factories";
import { call, signInAs } from "../../helpers/remix";
import { actor, documentInput, pngBytes } from "./documents-fixtures";

/** The document's PDF, read back: what a remote image, a CJK character and HTML become. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "documents-pdf-"));
  process.env.UPLOADS_DIR = dir;
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

async function readBack(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const links: string[] = [];
  let images = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const text = await page.getTextContent();
    pages.push(
      text.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .normalize("NFC"),
    );
    for (const a of await page.getAnnotations()) if (a.url) links.push(a.url as string);
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((fn) => fn === 85 /* paintImageXObject */).length;
  }
  await doc.destroy();
  return { text: pages.join("\n"), pages: pages.length, links, images };
}

describe("a document's PDF", () => {
  it("renders a remote image as a marker, a CJK character as ■, HTML as text, its own image drawn", async () => {
    const conference = await demoConference();
    const who = await actor();
    const parsed = parseWith(documentSchema, documentInput({ title: "Báo cáo hợp tác 2026", body: "" }));
    if (!parsed.ok) throw new Error("parse");
    const created = await createDocument(getDb(), conference.id, parsed.data, who);
    if (!created.ok) throw new Error("create");
    const added = await addDocumentImage(
      getDb(),
      conference.id,
      created.id,
      { bytes: await pngBytes(), caption: "Ảnh hội trường" },
      who,
    );
    if (!added.ok) throw new Error("image");
    const body = [
      "## Kết quả",
      "Hợp tác với tỉnh Quảng Đông 广东 và <b>đối tác</b> khác. Xem [Bộ Ngoại giao](https://mofa.gov.vn).",
      "| Tỉnh | Thỏa thuận |\n|---|--:|\n| Huế | 12 |",
      "![Logo](https://evil.example.com/track.png)",
      `![Hội trường](image:${added.imageId})`,
    ].join("\n\n");
    await getDb().updateTable("documents").set({ body }).where("id", "=", created.id).execute();
    const route = await import("~/routes/admin.documents.$id_.pdf");
    const response = await call(route.loader, {
      path: `/admin/documents/${created.id}/pdf`,
      cookie: await signInAs("secretariat"),
      params: { id: String(created.id) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = await readBack(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.text).toContain("Báo cáo hợp tác 2026");
    expect(pdf.text).toContain("Hình ảnh từ trang web khác không được đưa vào: https://evil.example.com/track.png");
    expect(pdf.text).toContain("■■");
    expect(pdf.text).not.toContain("广");
    expect(pdf.text).toContain("<b>");
    expect(pdf.text).toContain("(https://mofa.gov.vn)");
    expect(pdf.text).toContain("Huế");
    expect(pdf.text).toContain("Hội trường");
    expect(pdf.text).toContain("Những phần không thể hiện đúng");
    expect(pdf.text).toMatch(/Trang 1\/\d/);
    // The link annotation is per word drawn; the only address is the web page named.
    expect([...new Set(pdf.links)]).toEqual(["https://mofa.gov.vn/"]);
    expect(pdf.images).toBe(1);
  });

  it("is in English with ?lang=en", async () => {
    const conference = await demoConference();
    const parsed = parseWith(documentSchema, documentInput({ title: "Remarks", body: "![x](http://a.example/x.png)" }));
    if (!parsed.ok) throw new Error("parse");
    const created = await createDocument(getDb(), conference.id, parsed.data, await actor());
    if (!created.ok) throw new Error("create");
    const route = await import("~/routes/admin.documents.$id_.pdf");
    const response = await call(route.loader, {
      path: `/admin/documents/${created.id}/pdf?lang=en`,
      cookie: await signInAs("secretariat"),
      params: { id: String(created.id) },
    });
    const pdf = await readBack(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.text).toContain("An image from another website was left out: http://a.example/x.png");
    expect(pdf.text).toContain("Page 1 of 1");
  });
});
