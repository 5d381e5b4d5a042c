import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pdfmake from "pdfmake";
// @ts-expect-error -- pdfmake ships no types for its pdfkit document class
import pdfmakeDocumentModule from "pdfmake/js/PDFDocument";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

/**
 * The one PDF renderer (badges now; programme, schedules and proceedings later):
 * pdfmake 0.3 on the server with the Roboto it ships, which covers every
 * Vietnamese letter. Definitions come from pure builders in each feature's pdf/.
 */

const ROBOTO = {
  normal: "Roboto-Regular.ttf",
  bold: "Roboto-Medium.ttf",
  italics: "Roboto-Italic.ttf",
  bolditalics: "Roboto-MediumItalic.ttf",
} as const;

/** pdfmake's in-memory file system, which its typings leave out. */
const virtualfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } })
  .virtualfs;

let configured = false;

/**
 * Loads the fonts into pdfmake's in-memory file system once, and shuts every
 * door to the outside: no URL is fetched and no local path is read, so a
 * definition carrying a stray image URL or file path fails instead of leaking.
 */
function configure() {
  if (configured) return;
  const require = createRequire(import.meta.url);
  const fontDir = require.resolve("pdfmake/fonts/Roboto/Roboto-Regular.ttf").replace(/Roboto-Regular\.ttf$/, "");
  for (const file of Object.values(ROBOTO)) virtualfs.writeFileSync(file, readFileSync(fontDir + file));
  pdfmake.setFonts({ Roboto: { ...ROBOTO } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registerFontsForSvg();
  configured = true;
}

interface FontDocument {
  virtualfs: { existsSync(name: string): boolean; readFileSync(name: string): Buffer } | null;
  _registeredFonts: Record<string, unknown>;
  registerFont(name: string, src: Buffer): void;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
}

/**
 * Text inside an `svg` node (a name plate's turned half, a chart's labels): pdfmake hands its
 * svg-to-pdfkit the font's file name, which pdfkit would open on disk and fail. Registering the
 * in-memory font under that name on the document lets pdfkit find it (and embed it once).
 */
function registerFontsForSvg() {
  const mod = pdfmakeDocumentModule as unknown as { default?: { prototype: FontDocument }; prototype: FontDocument };
  const proto = (mod.default ?? mod).prototype;
  const original = proto.getFontFile;
  proto.getFontFile = function (this: FontDocument, family, bold, italics) {
    const file = original.call(this, family, bold, italics);
    if (typeof file === "string" && !this._registeredFonts[file] && this.virtualfs?.existsSync(file)) {
      this.registerFont(file, this.virtualfs.readFileSync(file));
    }
    return file;
  };
}

/** Every string in the definition in NFC, so stored text of any origin shapes the same way. */
function normalised<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(normalised) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)])) as T;
  }
  return value;
}

export interface RenderOptions {
  /** Called while pages are drawn, with the share drawn so far (0–1): a job's progress. */
  onProgress?: (fraction: number) => void;
}

export async function renderPdf(definition: TDocumentDefinitions, options: RenderOptions = {}): Promise<Buffer> {
  configure();
  // Fonts are re-set per document: pdfmake rewrites the descriptors while resolving them.
  pdfmake.setFonts({ Roboto: { ...ROBOTO } });
  const doc = normalised({ ...definition, defaultStyle: { font: "Roboto", ...definition.defaultStyle } });
  // pdfmake reads its progress callback once, in createPdf: reset at once so another document drawn
  // in this process does not report into this one's.
  (pdfmake as unknown as { setProgressCallback(cb?: (f: number) => void): void }).setProgressCallback(
    options.onProgress,
  );
  try {
    return await pdfmake.createPdf(doc).getBuffer();
  } finally {
    (pdfmake as unknown as { setProgressCallback(cb?: (f: number) => void): void }).setProgressCallback(undefined);
  }
}

/** A PDF as an HTTP answer: never cached (badges carry personal codes), named for saving. */
export function pdfResponse(
  bytes: Buffer,
  filename: string,
  disposition: "inline" | "attachment" = "inline",
): Response {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, "-");
  // A view, not a copy: Response wants a plain Uint8Array rather than a Buffer.
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `${disposition}; filename="${ascii}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** The answer when a PDF cannot be made: a plain sentence, since a browser tab or a download shows it as is. */
export function pdfRefusal(message: string, status: 403 | 404 | 409): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
