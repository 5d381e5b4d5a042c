import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectDelimiter, guardCell, parseCsv, toCsv, toCsvBytes, unguardCell } from "~/lib/csv";

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const cells = (text: string, delimiter?: "," | ";") => {
  const parsed = parseCsv(text, { delimiter });
  if (!parsed.ok) throw new Error(parsed.problem.key);
  return parsed.records.map((r) => r.cells);
};

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with and without a BOM, and keeps Vietnamese exactly", () => {
    expect(decodeCsvBytes(withBom("Họ và tên\nNguyễn Thị Hồng Nhung"))).toEqual({ ok: true, text: "Họ và tên\nNguyễn Thị Hồng Nhung", hadBom: true });
    expect(decodeCsvBytes(utf8("Đặng Văn Ước"))).toEqual({ ok: true, text: "Đặng Văn Ước", hadBom: false });
  });

  it("normalises decomposed letters (as typed on some keyboards) to NFC", () => {
    const decomposed = "Nguyễn".normalize("NFD");
    expect(decomposed).not.toBe("Nguyễn");
    const r = decodeCsvBytes(utf8(decomposed));
    expect(r.ok && r.text).toBe("Nguyễn");
  });

  it("refuses Windows-1258 / 1252 bytes with a 'save as CSV UTF-8' message", () => {
    // "Hà Nội" in Windows-1258: H, à = 0xE0, space, N, ô = 0xF4, combining dot below = 0xF2, i.
    const cp1258 = new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]);
    expect(decodeCsvBytes(cp1258)).toEqual({ ok: false, problem: { key: "csv.error.notUtf8" } });
    const cp1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9]); // "Café"
    expect(decodeCsvBytes(cp1252)).toEqual({ ok: false, problem: { key: "csv.error.notUtf8" } });
  });

  it("recognises UTF-16 by its BOM, and without one by its NULs", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x6f, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x6f]);
    const bare = new Uint8Array(Buffer.from("Full name,E-mail\n", "utf16le"));
    for (const bytes of [le, be, bare]) expect(decodeCsvBytes(bytes)).toEqual({ ok: false, problem: { key: "csv.error.utf16" } });
  });

  it("recognises an Excel workbook uploaded instead of a CSV", () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, problem: { key: "csv.error.workbook" } });
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line, ignoring quoted text", () => {
    expect(detectDelimiter("Họ và tên;E-mail;Đơn vị\na,b;c;d")).toBe(";");
    expect(detectDelimiter("Họ và tên,E-mail,Đơn vị\n")).toBe(",");
    expect(detectDelimiter('"Tên; chức vụ",E-mail\n')).toBe(",");
    expect(detectDelimiter("one column")).toBe(",");
  });
});

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, delimiters and line breaks inside quotes", () => {
    expect(cells('a,"b,c","say ""xin chào""","line 1\nline 2"\r\n')).toEqual([["a", "b,c", 'say "xin chào"', "line 1\nline 2"]]);
  });

  it("accepts CRLF, LF and CR line ends, with or without a final one, and skips empty rows", () => {
    expect(cells("a;b\r\nc;d\r\n\r\n;\r\n", ";")).toEqual([["a", "b"], ["c", "d"]]);
    expect(cells("a,b\nc,d")).toEqual([["a", "b"], ["c", "d"]]);
    expect(cells("a,b\rc,d\r")).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps empty cells in the middle and at the end of a row", () => {
    expect(cells("a,,c,\n")).toEqual([["a", "", "c", ""]]);
  });

  it("numbers each record by the line it starts on", () => {
    const parsed = parseCsv('h1,h2\n"x\ny",1\n\nz,2\n');
    expect(parsed.ok && parsed.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("reports a quote that is never closed, with its line", () => {
    expect(parseCsv('a,b\n"open,c\nd,e\n')).toEqual({ ok: false, problem: { key: "csv.error.unclosedQuote", params: { line: 2 } } });
  });

  it("stops after the limit and says the file was longer", () => {
    const text = Array.from({ length: 20 }, (_, i) => `r${i},x`).join("\n");
    const parsed = parseCsv(text, { limit: 5 });
    expect(parsed.ok && parsed.truncated).toBe(true);
    expect(parsed.ok && parsed.records.length).toBe(5);
    const exact = parseCsv(text, { limit: 20 });
    expect(exact.ok && exact.truncated).toBe(false);
  });
});

describe("formula guard", () => {
  it("prefixes an apostrophe to cells Excel would run as formulas", () => {
    expect(guardCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(guardCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardCell("+SUM(A1:A2)")).toBe("'+SUM(A1:A2)");
    expect(guardCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(guardCell("\tx")).toBe("'\tx");
  });

  it("leaves phone numbers and ordinary text readable", () => {
    for (const v of ["+84 24 3799 3000", "+84 (0)912-345-678", "-", "Nguyễn Văn A", "0912 345 678", ""]) expect(guardCell(v)).toBe(v);
  });

  it("is undone on import, so an exported file re-imports the same text", () => {
    for (const v of ["=1+2", "@x", "+SUM(A1)", "-Đặng"]) expect(unguardCell(guardCell(v))).toBe(v);
    expect(unguardCell("'bình thường")).toBe("'bình thường");
  });
});

describe("toCsv / toCsvBytes", () => {
  it("quotes only what needs it and ends every line with CRLF", () => {
    expect(toCsv([["Họ và tên", "Ghi chú"], ["Trần Thị B", 'Nói "xin chào", rồi về'], ["x", "a\nb"], [" lề ", null]])).toBe(
      'Họ và tên,Ghi chú\r\nTrần Thị B,"Nói ""xin chào"", rồi về"\r\nx,"a\nb"\r\n" lề ",\r\n',
    );
    expect(toCsv([["a;b", "c,d"]], ";")).toBe('"a;b";c,d\r\n');
  });

  it("starts with the UTF-8 BOM and round-trips through the parser", () => {
    const rows = [["Họ và tên", "Điện thoại"], ["Nguyễn Thị Hồng Nhung", "+84 24 3825 3536"], ["=cmd", 'a "b"\nc']];
    const bytes = toCsvBytes(rows);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.ok).toBe(true);
    const back = cells(decoded.ok ? decoded.text : "").map((r) => r.map(unguardCell));
    expect(back).toEqual(rows);
  });
});
