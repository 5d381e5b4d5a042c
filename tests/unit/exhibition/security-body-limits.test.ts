import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT } from "~/cli/http.server";
import { MAX_PHOTO_BYTES } from "~/features/exhibition/rules";

/**
 * The HTTP layer cuts every body at 1 MB unless its path says more: the exhibition's upload routes
 * must be let through up to what they accept themselves, so that their own translated refusal
 * (beside the field, with what was typed) answers, not the layer's bare 413.
 */
describe("body limits of the exhibition's uploads", () => {
  it("lets the booth CSV import through: a 2 MB file, and its confirm form with the file as base64", () => {
    // admin.exhibition.plan_.import.tsx: MAX_FILE_MB = 2; the confirm form carries 4/3 of it, plus its fields.
    const routeMaximum = Math.ceil((2 * 1024 * 1024 * 4) / 3) + 1024 + 64 * 1024;
    for (const path of ["/admin/exhibition/plan/import", "/admin/exhibition/plan/import/"])
      expect(bodyLimitFor(path)).toBeGreaterThanOrEqual(routeMaximum);
    // Only the import: the editor's own forms keep the default.
    expect(bodyLimitFor("/admin/exhibition/plan")).toBe(DEFAULT_BODY_LIMIT);
  });

  it("lets a photo of the largest accepted size through with the product form around it", () => {
    expect(bodyLimitFor("/exhibition/apply")).toBeGreaterThanOrEqual(MAX_PHOTO_BYTES + 64 * 1024);
  });
});
