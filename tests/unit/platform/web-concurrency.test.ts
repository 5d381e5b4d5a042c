import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { webConcurrency } from "~/cli/cluster";

describe("WEB_CONCURRENCY", () => {
  it("is one worker per core when unset or empty", () => {
    expect(webConcurrency({})).toBe(availableParallelism());
    expect(webConcurrency({ WEB_CONCURRENCY: " " })).toBe(availableParallelism());
  });

  it("takes a whole number of workers; 0 or inline means one process without a cluster", () => {
    expect(webConcurrency({ WEB_CONCURRENCY: "1" })).toBe(1);
    expect(webConcurrency({ WEB_CONCURRENCY: "4" })).toBe(4);
    expect(webConcurrency({ WEB_CONCURRENCY: "0" })).toBe(0);
    expect(webConcurrency({ WEB_CONCURRENCY: "Inline" })).toBe(0);
  });

  it("stops the start on anything else", () => {
    for (const bad of ["-1", "1.5", "two", "2x"])
      expect(() => webConcurrency({ WEB_CONCURRENCY: bad }), bad).toThrow(/WEB_CONCURRENCY/);
  });
});
