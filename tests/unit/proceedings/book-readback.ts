/**
 * Reads a PDF back for the book's tests (pdfjs-dist's legacy build, no system fonts): each page's
 * text, and the bookmarks as a tree of titles with the page each points to.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface Bookmark {
  title: string;
  page: number | null;
  children: Bookmark[];
}

export async function readBack(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const text = await page.getTextContent();
    pages.push(
      text.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join("")
        .normalize("NFC"),
    );
  }
  type Node = { title: string; dest: unknown; items: Node[] };
  const pageOf = async (dest: unknown): Promise<number | null> => {
    const explicit = typeof dest === "string" ? await doc.getDestination(dest) : (dest as unknown[] | null);
    if (!explicit || !explicit[0]) return null;
    return (await doc.getPageIndex(explicit[0] as never)) + 1;
  };
  const walk = async (nodes: Node[] | null): Promise<Bookmark[]> =>
    Promise.all(
      (nodes ?? []).map(async (n) => ({
        title: n.title.normalize("NFC"),
        page: await pageOf(n.dest),
        children: await walk(n.items),
      })),
    );
  const outline = await walk((await doc.getOutline()) as Node[] | null);
  const numPages = doc.numPages;
  await doc.destroy();
  return { pages, outline, numPages };
}
