/**
 * CSV as Excel reads and writes it: bytes ↔ text (UTF-8, with or without BOM),
 * the delimiter (comma, or semicolon where the regional list separator is ";",
 * as on Vietnamese Windows), RFC 4180 records, and formula-safe export cells.
 * Pure: no Remix, no database.
 */
import { nfc } from "./text";

export type Delimiter = "," | ";";

/** A file-level problem; `key` is a dictionary key. */
export interface CsvProblem {
  key: "csv.error.utf16" | "csv.error.notUtf8" | "csv.error.binary" | "csv.error.workbook" | "csv.error.unclosedQuote";
  params?: Record<string, string | number>;
}

export type Decoded = { ok: true; text: string; hadBom: boolean } | { ok: false; problem: CsvProblem };

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes → NFC text. Refuses UTF-16 (Excel's "Unicode Text"), NUL bytes and
 * anything that is not valid UTF-8 (a file saved as Windows-1258 or -1252),
 * rather than guessing and importing mangled names.
 */
export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))
    return { ok: false, problem: { key: "csv.error.utf16" } };
  // An .xlsx (a zip) or an old .xls uploaded instead of a CSV.
  if (
    (b0 === 0x50 && b1 === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (b0 === 0xd0 && b1 === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
  ) {
    return { ok: false, problem: { key: "csv.error.workbook" } };
  }
  const hadBom = BOM.every((b, i) => bytes[i] === b);
  const body = hadBom ? bytes.subarray(3) : bytes;
  // UTF-16 without a BOM is valid UTF-8 byte by byte, but every other byte of Latin text is a NUL.
  if (body.indexOf(0) !== -1) {
    const head = body.subarray(0, 512);
    const nuls = head.reduce((sum, b) => sum + (b === 0 ? 1 : 0), 0);
    return { ok: false, problem: { key: nuls * 4 >= head.length ? "csv.error.utf16" : "csv.error.binary" } };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text: nfc(text), hadBom };
  } catch {
    return { ok: false, problem: { key: "csv.error.notUtf8" } };
  }
}

/** The delimiter that splits the header line more: counted outside quotes; a tie means comma. */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ",") commas++;
    else if (!quoted && c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts (records may span lines inside quotes). */
  line: number;
  cells: string[];
}

export type Parsed = { ok: true; records: CsvRecord[]; truncated: boolean } | { ok: false; problem: CsvProblem };

/**
 * RFC 4180, leniently: quoted fields with doubled quotes and line breaks,
 * CRLF, LF or CR line ends, no final line end needed. Records whose cells are
 * all empty (Excel's ";;;;" rows, the trailing empty line) are skipped.
 * Stops after `limit` records and says so, so a huge file is not parsed through.
 */
export function parseCsv(text: string, options: { delimiter?: Delimiter; limit?: number } = {}): Parsed {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const n = text.length;

  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c !== "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };

  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
      if (records.length > limit) return { ok: true, records: records.slice(0, limit), truncated: true };
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) return { ok: false, problem: { key: "csv.error.unclosedQuote", params: { line: quoteLine } } };
  if (cell !== "" || cells.length) endRecord();
  if (records.length > limit) return { ok: true, records: records.slice(0, limit), truncated: true };
  return { ok: true, records, truncated: false };
}

/**
 * Guards exported cells against formula injection (CSV injection): a cell that
 * Excel would read as a formula gets a leading apostrophe. The rule, chosen so
 * that phone numbers stay readable:
 *  - always when the cell starts with =, @, a tab or a carriage return;
 *  - when it starts with + or -, unless it holds nothing but digits, spaces and
 *    . ( ) - + / — "+84 24 3799 3000" stays as it is (without letters it can
 *    name no function, cell or command), "-2+3+cmd|..." or "+SUM(A1)" do not.
 * The import takes the apostrophe off again (see unguardCell), so files round-trip.
 */
export function guardCell(value: string): string {
  if (value === "") return value;
  const first = value[0];
  if (first === "=" || first === "@" || first === "\t" || first === "\r") return `'${value}`;
  if ((first === "+" || first === "-") && !/^[+\-0-9 ()./]+$/.test(value)) return `'${value}`;
  return value;
}

/** Undoes guardCell on import: an apostrophe before a formula character is ours, not the person's. */
export function unguardCell(value: string): string {
  return /^'[=@+\-\t\r]/.test(value) ? value.slice(1) : value;
}

function quoteCell(value: string, delimiter: Delimiter): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** Rows → CSV text: CRLF line ends, quoting where needed, every cell guarded and NFC. */
export function toCsv(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  delimiter: Delimiter = ",",
): string {
  return rows
    .map((row) => row.map((v) => quoteCell(guardCell(nfc(v == null ? "" : String(v))), delimiter)).join(delimiter))
    .map((line) => `${line}\r\n`)
    .join("");
}

/** Rows → UTF-8 bytes with a BOM, which is what makes Excel read Vietnamese correctly. */
export function toCsvBytes(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  delimiter: Delimiter = ",",
): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(toCsv(rows, delimiter));
  const out = new Uint8Array(body.length + 3);
  out.set(BOM, 0);
  out.set(body, 3);
  return out;
}
