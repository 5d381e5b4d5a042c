import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT } from "~/cli/http.server";
import { DOCUMENT_LIMITS } from "~/features/proceedings/rules";

describe("the documents' request size", () => {
  it("lets the editor and the summary page take a full body (URL-encoded) or an image, and nothing else more", () => {
    // A Vietnamese letter of three UTF-8 bytes is nine characters URL-encoded.
    const fullBody = DOCUMENT_LIMITS.body * 9;
    expect(bodyLimitFor("/admin/documents/new")).toBeGreaterThanOrEqual(fullBody);
    expect(bodyLimitFor("/admin/documents/12")).toBeGreaterThanOrEqual(fullBody);
    expect(bodyLimitFor("/admin/documents/12")).toBeGreaterThan(DOCUMENT_LIMITS.imageBytes);
    expect(bodyLimitFor("/programme/sessions/3/summary")).toBeGreaterThanOrEqual(fullBody);
    expect(bodyLimitFor("/admin/documents")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/admin/documents/12/pdf")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/programme/sessions/3")).toBe(DEFAULT_BODY_LIMIT);
  });
});
