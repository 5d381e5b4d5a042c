/**
 * One bench:http measurement: autocannon at a FIXED ARRIVAL RATE (overallRate) on one page or
 * form, with connections enough that the client never limits the rate (a slow server then shows
 * as a lower achieved rate and a longer tail, not as politely fewer requests). Latencies are every
 * response's own, so p95 is exact (autocannon's histogram has no p95). Requests still unanswered
 * when the run ends are counted, not forgotten: a saturated server answers none within the run.
 */
import autocannon from "autocannon";

export interface LoadFigures {
  target_rps: number;
  achieved_rps: number;
  /**
   * Requests sent during the run, and those unanswered when it ended: autocannon stops with one in
   * flight on each connection (the server still does them: a write's rows show it), so only more
   * than the connections means a queue.
   */
  sent: number;
  unanswered: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Answers other than the expected status (2xx for a page; a form's own redirect counts as expected). */
  unexpected_status: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  /** A write: each request built by the caller (a distinct, valid form). */
  requests?: autocannon.Request[];
  /** The statuses that count as the page or form answering (default: any 2xx). */
  expected?: (status: number) => boolean;
}

/** rate/5 connections (each then sends a request every 200 ms at most), 10 to 100. */
export const connectionsFor = (rate: number) => Math.max(10, Math.min(100, Math.ceil(rate / 5)));

const quantile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
const round1 = (ms: number) => Math.round(ms * 10) / 10;

export async function fixedRate(options: LoadOptions): Promise<LoadFigures> {
  const samples: number[] = [];
  const expected = options.expected ?? ((s: number) => s >= 200 && s < 300);
  let unexpected = 0;
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        overallRate: options.rate,
        connections: connectionsFor(options.rate),
        duration: options.seconds,
        headers: options.headers,
        requests: options.requests,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance!.on("response", (_client, status, _bytes, ms) => {
    samples.push(ms);
    if (!expected(status)) unexpected += 1;
  });
  const result = await done;
  const sorted = samples.sort((a, b) => a - b);
  const elapsed = result.duration || options.seconds;
  return {
    target_rps: options.rate,
    achieved_rps: Math.round((samples.length / elapsed) * 10) / 10,
    sent: Math.max(sentOf(result, options.rate), samples.length),
    unanswered: Math.max(0, sentOf(result, options.rate) - samples.length),
    requests: samples.length,
    p50_ms: round1(quantile(sorted, 0.5)),
    p95_ms: round1(quantile(sorted, 0.95)),
    p99_ms: round1(quantile(sorted, 0.99)),
    max_ms: round1(sorted.at(-1) ?? 0),
    unexpected_status: unexpected,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]),
    ),
  };
}

/**
 * What autocannon sent (`requests.sent`, missing from its types). It adds each connection's share of
 * overallRate up front for the first request it cannot see, while each connection sends one: the
 * excess (rate − connections) is taken off again.
 */
const sentOf = (result: autocannon.Result, rate: number) =>
  ((result.requests as { sent?: number }).sent ?? 0) - Math.max(0, rate - Math.min(rate, connectionsFor(rate)));

/** Lets the server drain what a saturated run left in flight before the next measurement starts. */
export async function settle(url: string, quietMs = 50, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      await (await fetch(`${url}/healthz`)).arrayBuffer();
    } catch {
      /* still busy */
    }
    if (performance.now() - started < quietMs) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
