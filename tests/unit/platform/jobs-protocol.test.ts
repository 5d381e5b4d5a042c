import { describe, expect, it } from "vitest";
import { clampProgress, extensionOf, isActive, throttle } from "~/platform/jobs/protocol";
import { formatBytes } from "~/components/job-progress";

describe("a job's progress", () => {
  it("is a whole percentage between 0 and 100, whatever the handler reports", () => {
    expect(clampProgress(42.6)).toBe(43);
    expect(clampProgress(-5)).toBe(0);
    expect(clampProgress(180)).toBe(100);
    expect(clampProgress(Number.NaN)).toBe(0);
    expect(clampProgress(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("is written at most once per interval: the first at once, one held back when its interval ends", () => {
    let clock = 0;
    const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
    const later = (fn: () => void, ms: number) => {
      const timer = { at: clock + ms, fn, live: true };
      timers.push(timer);
      return () => (timer.live = false);
    };
    const advance = (to: number) => {
      clock = to;
      for (const timer of timers.filter((t) => t.live && t.at <= to)) {
        timer.live = false;
        timer.fn();
      }
    };
    const written: number[] = [];
    const t = throttle<number>(
      200,
      (v) => written.push(v),
      () => clock,
      later,
    );
    t.push(1);
    advance(50);
    t.push(2);
    advance(199);
    t.push(3);
    expect(written).toEqual([1]);
    // The interval ends: the latest held back (3, not 2) is written without another report.
    advance(200);
    expect(written).toEqual([1, 3]);
    advance(250);
    t.push(4);
    t.flush(); // the job's end: at once
    expect(written).toEqual([1, 3, 4]);
    advance(1000);
    t.flush(); // nothing pending: nothing written twice
    expect(written).toEqual([1, 3, 4]);
    advance(1200);
    t.push(5);
    expect(written).toEqual([1, 3, 4, 5]);
  });

  it("names the result file by its content type", () => {
    expect(extensionOf("application/pdf")).toBe("pdf");
    expect(extensionOf("text/csv; charset=utf-8")).toBe("csv");
    expect(extensionOf("application/x-unknown")).toBe("bin");
  });

  it("counts queued and running jobs as active, finished ones not", () => {
    expect(["queued", "running", "done", "failed"].map((s) => isActive(s as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("shows a file's size in the reader's numbers", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1_110_000, "en")).toBe("1.1 MB");
    expect(formatBytes(1_110_000, "vi")).toBe("1,1 MB");
  });
});
