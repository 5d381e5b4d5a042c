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
    expect(decodeCsvBytes(withBom("Họ và tên\nNguyễn Thị Hồng Nhung"))).toEqual({
      ok: true,
      text: "Họ và tên\nNguyễn Thị Hồng Nhung",
      hadBom: true,
    });
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
    for (const bytes of [le, be, bare])
      expect(decodeCsvBytes(bytes)).toEqual({ ok: false, problem: { key: "csv.error.utf16" } });
  });

  it("recognises UTF-16 by its BOM even when no byte is NUL", () => {
    // "中文" in UTF-16: no NUL byte, and the BOM alone says what it is.
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]))).toEqual({
      ok: false,
      problem: { key: "csv.error.utf16" },
    });
    expect(decodeCsvBytes(new Uint8Array([0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87]))).toEqual({
      ok: false,
      problem: { key: "csv.error.utf16" },
    });
    // Half a BOM is not one: just bytes that are not UTF-8.
    for (const bytes of [
      [0xff, 0x41, 0x42],
      [0xfe, 0x41, 0x42],
      [0x41, 0xfe, 0x42],
      [0x41, 0xff, 0x42],
      [0xff, 0xff, 0x41],
      [0xfe, 0xfe, 0x41],
    ]) {
      expect(decodeCsvBytes(new Uint8Array(bytes)), String(bytes)).toEqual({
        ok: false,
        problem: { key: "csv.error.notUtf8" },
      });
    }
  });

  it("recognises an Excel workbook uploaded instead of a CSV", () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({
      ok: false,
      problem: { key: "csv.error.workbook" },
    });
    // An old .xls (an OLE compound file).
    expect(decodeCsvBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({
      ok: false,
      problem: { key: "csv.error.workbook" },
    });
  });

  it("needs the whole signature: text that starts like a zip is still text", () => {
    for (const head of [
      [0x51, 0x4b, 0x03, 0x04],
      [0x50, 0x4c, 0x03, 0x04],
      [0x50, 0x4b, 0x04, 0x04],
      [0x50, 0x4b, 0x03, 0x05],
    ]) {
      const bytes = new Uint8Array([...head, ...utf8(",x\n")]);
      expect(decodeCsvBytes(bytes), String(head)).toEqual({
        ok: true,
        text: new TextDecoder().decode(bytes),
        hadBom: false,
      });
    }
    expect(decodeCsvBytes(utf8("PK,Mã\n1,2\n"))).toEqual({ ok: true, text: "PK,Mã\n1,2\n", hadBom: false });
    for (const head of [
      [0xd1, 0xcf, 0x11, 0xe0],
      [0xd0, 0xce, 0x11, 0xe0],
      [0xd0, 0xcf, 0x12, 0xe0],
      [0xd0, 0xcf, 0x11, 0xe1],
    ]) {
      expect(decodeCsvBytes(new Uint8Array([...head, 0x41])), String(head)).toEqual({
        ok: false,
        problem: { key: "csv.error.notUtf8" },
      });
    }
  });

  it("takes off a whole BOM only, and keeps a letter that shares its first byte", () => {
    // "，" (U+FF0C) is EF BC 8C in UTF-8: it starts like a BOM but is text.
    expect(decodeCsvBytes(utf8("，a"))).toEqual({ ok: true, text: "，a", hadBom: false });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: true, text: "", hadBom: true });
  });

  it("calls a file with a stray NUL binary, and one a quarter NUL UTF-16", () => {
    expect(decodeCsvBytes(utf8("Họ và tên,E-mail\nAn,a@x.vn\u0000\n"))).toEqual({
      ok: false,
      problem: { key: "csv.error.binary" },
    });
    expect(decodeCsvBytes(new Uint8Array([0x61, 0x62, 0x00, 0x63, 0x64, 0x65, 0x00, 0x66]))).toEqual({
      ok: false,
      problem: { key: "csv.error.utf16" },
    });
    expect(decodeCsvBytes(new Uint8Array([0x61, 0x62, 0x00, 0x63, 0x64, 0x65, 0x67, 0x66]))).toEqual({
      ok: false,
      problem: { key: "csv.error.binary" },
    });
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line, ignoring quoted text", () => {
    expect(detectDelimiter("Họ và tên;E-mail;Đơn vị\na,b;c;d")).toBe(";");
    expect(detectDelimiter("Họ và tên,E-mail,Đơn vị\n")).toBe(",");
    expect(detectDelimiter('"Tên; chức vụ",E-mail\n')).toBe(",");
    expect(detectDelimiter("one column")).toBe(",");
  });

  it("counts only outside quotes and only on the first line", () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter('"a,b,c";d\n')).toBe(";");
    expect(detectDelimiter("a,b,c;d\n")).toBe(",");
    expect(detectDelimiter("a;b;c,d\n")).toBe(";");
    expect(detectDelimiter("Họ và tên,E-mail\nx;y;z;w\n")).toBe(",");
    expect(detectDelimiter("Họ và tên,E-mail\rx;y;z;w\r")).toBe(",");
    // A line break inside quotes does not end the header.
    expect(detectDelimiter('"Ghi\nchú";E-mail;Đơn vị,x\n')).toBe(";");
  });
});

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, delimiters and line breaks inside quotes", () => {
    expect(cells('a,"b,c","say ""xin chào""","line 1\nline 2"\r\n')).toEqual([
      ["a", "b,c", 'say "xin chào"', "line 1\nline 2"],
    ]);
  });

  it("accepts CRLF, LF and CR line ends, with or without a final one, and skips empty rows", () => {
    expect(cells("a;b\r\nc;d\r\n\r\n;\r\n", ";")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(cells("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(cells("a,b\rc,d\r")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keeps empty cells in the middle and at the end of a row", () => {
    expect(cells("a,,c,\n")).toEqual([["a", "", "c", ""]]);
  });

  it("numbers each record by the line it starts on", () => {
    const parsed = parseCsv('h1,h2\n"x\ny",1\n\nz,2\n');
    expect(parsed.ok && parsed.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("counts line breaks inside quotes of every kind when numbering records", () => {
    const crlf = parseCsv('h\r\n"x\r\ny",1\r\nz,2\r\n');
    expect(crlf.ok && crlf.records.map((r) => r.line)).toEqual([1, 2, 4]);
    const cr = parseCsv('h\r"x\ry",1\rz,2\r');
    expect(cr.ok && cr.records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(cr.ok && cr.records[1].cells).toEqual(["x\ry", "1"]);
  });

  it("keeps a quote inside an unquoted cell as it is", () => {
    expect(cells('Màn hình 5" rộng,x\n')).toEqual([['Màn hình 5" rộng', "x"]]);
  });

  it("keeps the last record of a one-column file without a final line end", () => {
    expect(cells("Họ và tên\nAn")).toEqual([["Họ và tên"], ["An"]]);
  });

  it("reports a quote that is never closed, with its line", () => {
    expect(parseCsv('a,b\n"open,c\nd,e\n')).toEqual({
      ok: false,
      problem: { key: "csv.error.unclosedQuote", params: { line: 2 } },
    });
  });

  it("stops after the limit and says the file was longer", () => {
    const text = Array.from({ length: 20 }, (_, i) => `r${i},x`).join("\n");
    const parsed = parseCsv(text, { limit: 5 });
    expect(parsed.ok && parsed.truncated).toBe(true);
    expect(parsed.ok && parsed.records.length).toBe(5);
    const exact = parseCsv(text, { limit: 20 });
    expect(exact.ok && exact.truncated).toBe(false);
  });

  it("counts the limit exactly, with or without a final line end", () => {
    expect(parseCsv("a\nb\nc\n", { limit: 3 })).toEqual({
      ok: true,
      truncated: false,
      records: [
        { line: 1, cells: ["a"] },
        { line: 2, cells: ["b"] },
        { line: 3, cells: ["c"] },
      ],
    });
    expect(parseCsv("a\nb\nc", { limit: 2 })).toEqual({
      ok: true,
      truncated: true,
      records: [
        { line: 1, cells: ["a"] },
        { line: 2, cells: ["b"] },
      ],
    });
  });

  it("stops reading at the limit, so a broken tail of a long file does not matter", () => {
    const parsed = parseCsv('a\nb\nc\n"never closed', { limit: 2 });
    expect(parsed).toEqual({
      ok: true,
      truncated: true,
      records: [
        { line: 1, cells: ["a"] },
        { line: 2, cells: ["b"] },
      ],
    });
  });
});

describe("formula guard", () => {
  it("prefixes an apostrophe to cells Excel would run as formulas", () => {
    expect(guardCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(guardCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardCell("+SUM(A1:A2)")).toBe("'+SUM(A1:A2)");
    expect(guardCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(guardCell("\tx")).toBe("'\tx");
    expect(guardCell("\rx")).toBe("'\rx");
  });

  it("leaves phone numbers and ordinary text readable", () => {
    for (const v of ["+84 24 3799 3000", "+84 (0)912-345-678", "-", "Nguyễn Văn A", "0912 345 678", ""])
      expect(guardCell(v)).toBe(v);
  });

  it("is undone on import, so an exported file re-imports the same text", () => {
    for (const v of ["=1+2", "@x", "+SUM(A1)", "-Đặng"]) expect(unguardCell(guardCell(v))).toBe(v);
    expect(unguardCell("'bình thường")).toBe("'bình thường");
    expect(unguardCell("Ghi chú: '=1")).toBe("Ghi chú: '=1");
    expect(unguardCell("''=1")).toBe("''=1");
  });
});

describe("toCsv / toCsvBytes", () => {
  it("quotes only what needs it and ends every line with CRLF", () => {
    expect(
      toCsv([
        ["Họ và tên", "Ghi chú"],
        ["Trần Thị B", 'Nói "xin chào", rồi về'],
        ["x", "a\nb"],
        [" lề ", null],
      ]),
    ).toBe('Họ và tên,Ghi chú\r\nTrần Thị B,"Nói ""xin chào"", rồi về"\r\nx,"a\nb"\r\n" lề ",\r\n');
    expect(toCsv([["a;b", "c,d"]], ";")).toBe('"a;b";c,d\r\n');
  });

  it("starts with the UTF-8 BOM and round-trips through the parser", () => {
    const rows = [
      ["Họ và tên", "Điện thoại"],
      ["Nguyễn Thị Hồng Nhung", "+84 24 3825 3536"],
      ["=cmd", 'a "b"\nc'],
    ];
    const bytes = toCsvBytes(rows);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.ok).toBe(true);
    const back = cells(decoded.ok ? decoded.text : "").map((r) => r.map(unguardCell));
    expect(back).toEqual(rows);
  });
});
