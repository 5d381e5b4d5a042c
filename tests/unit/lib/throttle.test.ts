import { describe, expect, it } from "vitest";
import { minutesToWait } from "~/lib/throttle";

describe("minutesToWait", () => {
  const now = Date.parse("2027-12-01T10:00:00.000Z");
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

  it("lets a key act while it has fewer events than the limit", () => {
    expect(minutesToWait([], 3, 60, now)).toBe(0);
    expect(minutesToWait([ago(1), ago(2)], 3, 60, now)).toBe(0);
  });

  it("waits until the oldest counted event leaves the window, rounded up, at least a minute", () => {
    expect(minutesToWait([ago(1), ago(2), ago(50)], 3, 60, now)).toBe(10);
    expect(minutesToWait([ago(1), ago(2), ago(59.5)], 3, 60, now)).toBe(1);
    expect(minutesToWait([ago(0), ago(0), ago(0)], 3, 15, now)).toBe(15);
  });
});
