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
    const t = "In all, {count, plural, one {# meeting} other {# meetings}} in {slots, plural, one {# slot} other {# slots}} for {name}.";
    expect(fillPlurals("en", t, { count: 1, slots: 3, name: "X" })).toBe("In all, 1 meeting in 3 slots for {name}.");
    expect(fillPlurals("en", t, { count: 2, slots: 1 })).toBe("In all, 2 meetings in 1 slot for {name}.");
  });

  it("keeps a block whose number is missing, and a formatted number as written", () => {
    const t = "{n, plural, one {# row} other {# rows}}";
    expect(fillPlurals("en", t, {})).toBe(t);
    expect(fillPlurals("en", t, { n: "1,234" })).toBe("1,234 rows");
    expect(fillPlurals("en", t, { n: "1" })).toBe("1 row");
  });

  it("leaves malformed blocks untouched", () => {
    expect(fillPlurals("en", "{n, plural, one {# row}", { n: 1 })).toBe("{n, plural, one {# row}");
    expect(fillPlurals("en", "{n, plural, one {# row} other {# rows", { n: 1 })).toBe("{n, plural, one {# row} other {# rows");
    expect(fillPlurals("en", "{n, plural, few {# rows}}", { n: 1 })).toBe("{n, plural, few {# rows}}");
  });
});
