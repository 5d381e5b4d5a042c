import { describe, expect, it } from "vitest";
import {
  barChart,
  barLength,
  chartColumns,
  headed,
  keyFigures,
  MAX_LABEL_CHARS,
  NAVY,
  truncateLabel,
} from "~/features/proceedings/book/sections/charts";
import { textsOf } from "./sections-fixtures";

type Rect = { type: string; w: number; color: string };
type Row = [{ text: string }, { canvas: Rect[] }, { text: string }];
const rowsOf = (chart: unknown) => (chart as { table: { body: Row[]; widths: number[] } }).table;

describe("the book's bar chart", () => {
  it("draws bars proportional to the values, the largest full length, with labels and values printed", () => {
    const chart = barChart(
      [
        { label: "Tỉnh, thành phố", value: 200 },
        { label: "Bộ, ngành", value: 50 },
        { label: "Khác", value: 100 },
      ],
      { width: 400 },
    );
    const { body, widths } = rowsOf(chart);
    const track = widths[1];
    const bars = body.map((row) => row[1].canvas.filter((r) => r.color === NAVY)[0].w);
    expect(bars[0]).toBeCloseTo(track);
    expect(bars[1]).toBeCloseTo(track / 4);
    expect(bars[2]).toBeCloseTo(track / 2);
    expect(body.map((row) => row[0].text)).toEqual(["Tỉnh, thành phố", "Bộ, ngành", "Khác"]);
    expect(body.map((row) => row[2].text)).toEqual(["200", "50", "100"]);
    // The three columns and their gaps fill the width given.
    expect(widths.reduce((a, b) => a + b, 0) + 12).toBeCloseTo(400);
  });

  it("scales to `max` when given, prints `display` and the locale's number format", () => {
    const chart = barChart(
      [
        { label: "Có mặt", value: 45, display: "342 / 380 (90%)" },
        { label: "Đề nghị", value: 1234 },
      ],
      {
        width: 300,
        max: 2000,
        format: (n) => new Intl.NumberFormat("vi-VN").format(n),
      },
    );
    const { body, widths } = rowsOf(chart);
    expect(body[0][1].canvas[1].w).toBeCloseTo((45 / 2000) * widths[1]);
    expect(body[0][2].text).toBe("342 / 380 (90%)");
    expect(body[1][2].text).toBe("1.234");
    // The value column is wide enough for its longest text.
    expect(widths[2]).toBeGreaterThan(60);
  });

  it("draws no bar for zero (only the track), and never a negative one", () => {
    const { body } = rowsOf(barChart([{ label: "Không", value: 0 }], { width: 300 }));
    expect(body[0][1].canvas).toHaveLength(1);
    expect(body[0][2].text).toBe("0");
    expect(barLength(-5, 10, 100)).toBe(0);
    expect(barLength(5, 0, 100)).toBe(0);
    expect(barLength(50, 10, 100)).toBe(100);
  });

  it("shows the no-data sentence instead of an empty chart", () => {
    expect(barChart([], { width: 300, noData: "Chưa có số liệu." })).toEqual({
      text: "Chưa có số liệu.",
      style: "dataChartNoData",
    });
  });

  it("cuts long labels with an ellipsis (and lets them wrap in their column)", () => {
    const label = "Ủy ban nhân dân tỉnh ".repeat(10);
    const { body } = rowsOf(barChart([{ label, value: 3 }], { width: 300 }));
    expect(Array.from(body[0][0].text)).toHaveLength(MAX_LABEL_CHARS);
    expect(body[0][0].text.endsWith("…")).toBe(true);
    expect(truncateLabel("  Hà Nội ")).toBe("Hà Nội");
    expect(chartColumns(300).label).toBeLessThan(150);
  });
});

describe("key figures and sub-headings", () => {
  it("lays figures out in rows of three, padding the last row", () => {
    const rows = keyFigures([
      { value: "450", label: "Đại biểu" },
      { value: "84", label: "Cuộc gặp", note: "trên 90" },
      { value: "63", label: "Đơn vị" },
      { value: "17", label: "Thỏa thuận" },
    ]);
    expect(rows).toHaveLength(2);
    const second = (rows[1] as { table: { body: unknown[][] } }).table.body[0];
    expect(second).toHaveLength(3);
    expect(textsOf(rows)).toEqual([
      "450",
      "Đại biểu",
      "84",
      "Cuộc gặp",
      "trên 90",
      "63",
      "Đơn vị",
      "17",
      "Thỏa thuận",
      "",
      "",
    ]);
    expect(keyFigures([])).toEqual([]);
  });

  it("binds a sub-heading to its first block in an unbreakable stack", () => {
    const node = headed("Đại biểu theo loại cơ quan", { text: "x" }) as { stack: unknown[]; unbreakable: boolean };
    expect(node.unbreakable).toBe(true);
    expect(node.stack[0]).toEqual({ text: "Đại biểu theo loại cơ quan", style: "subheading", headlineLevel: 2 });
    expect(node.stack[1]).toEqual({ text: "x" });
  });
});
