import { describe, expect, it } from "vitest";
import { parseWith } from "~/platform/forms/fields";
import {
  blockCreateSchema,
  blockSettingsInput,
  blockSettingsSchema,
  pairsFromForm,
  placeSchema,
  videoUrlSchema,
} from "~/features/meetings/block-schema";

describe("meeting block settings", () => {
  it("reads the ticked pairs, requesters down the side and counterparts across", () => {
    expect(
      pairsFromForm({
        "pair.province.mission": "on",
        "pair.ministry.foreign": "on",
        "pair.province.enterprise": "",
        "pair.mission.province": "on",
      }),
    ).toEqual([
      ["province", "mission"],
      ["ministry", "foreign"],
    ]);
    expect(pairsFromForm({})).toEqual([]);
  });

  it("wants answers to close after requests, and a cap of at least one", () => {
    const base = {
      tableCount: "30",
      requestsCloseAt: "2030-12-05T17:00",
      answersCloseAt: "2030-12-08T12:00",
      maxRequests: "",
    };
    expect(parseWith(blockSettingsSchema, base)).toEqual({
      ok: true,
      data: { ...base, tableCount: 30, maxRequests: null },
    });
    expect(parseWith(blockSettingsSchema, { ...base, answersCloseAt: "2030-12-04T17:00" })).toEqual({
      ok: false,
      errors: { answersCloseAt: "meetingsAdmin.errors.answersBeforeRequests" },
    });
    expect(parseWith(blockSettingsSchema, { ...base, answersCloseAt: "" }).ok).toBe(true);
    expect(parseWith(blockSettingsSchema, { ...base, maxRequests: "0" })).toEqual({
      ok: false,
      errors: { maxRequests: "errors.positive" },
    });
    expect(parseWith(blockSettingsSchema, { ...base, tableCount: "501" }).ok).toBe(false);
    expect(parseWith(blockCreateSchema, { ...base, slotMinutes: "4", gapMinutes: "0" })).toMatchObject({
      ok: false,
      errors: { slotMinutes: "errors.nonNegative" },
    });
  });

  it("takes only https video links, and empty as none", () => {
    expect(parseWith(videoUrlSchema, { videoUrl: " https://hop.ngoaivu.test/phong-12 " })).toEqual({
      ok: true,
      data: { videoUrl: "https://hop.ngoaivu.test/phong-12" },
    });
    expect(parseWith(videoUrlSchema, { videoUrl: "" })).toEqual({ ok: true, data: { videoUrl: null } });
    for (const bad of [
      "http://hop.ngoaivu.test",
      "javascript:alert(1)",
      "https://",
      `https://x.test/${"a".repeat(500)}`,
    ]) {
      expect(parseWith(videoUrlSchema, { videoUrl: bad })).toEqual({
        ok: false,
        errors: { videoUrl: "meetingsAdmin.errors.videoUrl" },
      });
    }
  });

  it("places with a slot and a table; the lock comes from a posted box or react-hook-form's boolean", () => {
    expect(parseWith(placeSchema, { slotId: "3", tableId: "7", locked: "on" })).toEqual({
      ok: true,
      data: { slotId: 3, tableId: 7, locked: true },
    });
    expect(parseWith(placeSchema, { slotId: "3", tableId: "7", locked: false })).toEqual({
      ok: true,
      data: { slotId: 3, tableId: 7, locked: false },
    });
    expect(parseWith(placeSchema, { slotId: "3", tableId: "7" })).toEqual({
      ok: true,
      data: { slotId: 3, tableId: 7, locked: false },
    });
    expect(parseWith(placeSchema, { slotId: "", tableId: "x" })).toEqual({
      ok: false,
      errors: { slotId: "errors.required", tableId: "errors.integer" },
    });
  });
});

describe("blockSettingsInput", () => {
  it("turns deadlines typed in Hà Nội time into UTC and keeps the rest", () => {
    const parsed = parseWith(blockSettingsSchema, {
      tableCount: "12",
      requestsCloseAt: "2030-12-05T17:00",
      answersCloseAt: "",
      maxRequests: "8",
    });
    if (!parsed.ok) throw new Error("invalid");
    expect(blockSettingsInput(parsed.data, [["province", "mission"]], "Asia/Ho_Chi_Minh")).toEqual({
      tableCount: 12,
      requestsCloseAt: "2030-12-05T10:00:00.000Z",
      answersCloseAt: null,
      maxRequestsPerOrganisation: 8,
      allowedPairs: [["province", "mission"]],
    });
  });
});
