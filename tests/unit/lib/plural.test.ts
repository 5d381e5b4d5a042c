import { describe, expect, it } from "vitest";
import { fillPlurals, plural, pluralCategory } from "~/lib/plural";

describe("plural", () => {
  it("follows each language's rules", () => {
    expect(pluralCategory("en", 1)).toBe("one");
    expect(pluralCategory("en", 0)).toBe("other");
    expect(pluralCategory("en", 2)).toBe("other");
    expect(pluralCategory("vi", 1)).toBe("other");
    expect(plural("en", 1, { one: "# meeting", other: "# meetings" })).toBe("1 meeting");
    expect(plural("en", 21, { one: "# meeting", other: "# meetings" })).toBe("21 meetings");
    expect(plural("vi", 1, { other: "# cuộc gặp" })).toBe("1 cuộc gặp");
  });

  it("prefers an exact form", () => {
    expect(plural("en", 0, { "=0": "no meetings", one: "# meeting", other: "# meetings" })).toBe("no meetings");
    expect(plural("en", 1, { "=0": "no meetings", one: "# meeting", other: "# meetings" })).toBe("1 meeting");
  });

  it("fills plural blocks inside a sentence and leaves the rest", () => {
    const t =
      "In all, {count, plural, one {# meeting} other {# meetings}} in {slots, plural, one {# slot} other {# slots}} for {name}.";
    expect(fillPlurals("en", t, { count: 1, slots: 3, name: "X" })).toBe("In all, 1 meeting in 3 slots for {name}.");
    expect(fillPlurals("en", t, { count: 2, slots: 1 })).toBe("In all, 2 meetings in 1 slot for {name}.");
  });

  it("keeps a block whose number is missing, and a formatted number as written", () => {
    const t = "{n, plural, one {# row} other {# rows}}";
    expect(fillPlurals("en", t, {})).toBe(t);
    expect(fillPlurals("en", t, { n: "1,234" })).toBe("1,234 rows");
    expect(fillPlurals("en", t, { n: "1" })).toBe("1 row");
  });

  it("reads exact forms, any spacing before a form, and braces inside a form", () => {
    const t = "{n, plural, =0 {no rows} =10 {ten rows} one{# row} other  {# rows}}";
    expect(fillPlurals("en", t, { n: 0 })).toBe("no rows");
    expect(fillPlurals("en", t, { n: 10 })).toBe("ten rows");
    expect(fillPlurals("en", t, { n: 1 })).toBe("1 row");
    expect(fillPlurals("en", t, { n: 7 })).toBe("7 rows");
    const nested = "{n, plural, one {# meeting with {name}} other {# meetings with {name}}}, then {x}";
    expect(fillPlurals("en", nested, { n: 2 })).toBe("2 meetings with {name}, then {x}");
    expect(fillPlurals("en", nested, { n: 1 })).toBe("1 meeting with {name}, then {x}");
  });

  it("keeps the text around a block it cannot fill", () => {
    const t = "Có {n, plural, other {# hàng}} trong {m, plural, other {# tệp}}.";
    expect(fillPlurals("vi", t, { m: 2 })).toBe("Có {n, plural, other {# hàng}} trong 2 tệp.");
    expect(
      fillPlurals("en", "A {n, plural, one {# row} other {# rows}} and {m, plural, one {# x}", { n: 2, m: 1 }),
    ).toBe("A 2 rows and {m, plural, one {# x}");
  });

  it("leaves malformed blocks untouched", () => {
    expect(fillPlurals("en", "{n, plural, foo one {# row} other {# rows}}", { n: 1 })).toBe(
      "{n, plural, foo one {# row} other {# rows}}",
    );
    expect(fillPlurals("en", "{n, plural, =x {none} other {# rows}}", { n: 1 })).toBe(
      "{n, plural, =x {none} other {# rows}}",
    );
    expect(fillPlurals("en", "{n, plural, one {# row}", { n: 1 })).toBe("{n, plural, one {# row}");
    expect(fillPlurals("en", "{n, plural, one {# row} other {# rows", { n: 1 })).toBe(
      "{n, plural, one {# row} other {# rows",
    );
    expect(fillPlurals("en", "{n, plural, few {# rows}}", { n: 1 })).toBe("{n, plural, few {# rows}}");
  });
});
