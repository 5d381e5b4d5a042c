/**
 * The crash test's clients: each loops over one kind of real form post (a visitor's registration,
 * a delegate's session sign-up or cancellation, a province's meeting request) one request at a
 * time, and records every answer. A request that was sent but had no answer when the server was
 * killed is "lost": its write may or may not have committed, and the test accepts either.
 */
export type Kind = "registration" | "signup" | "meeting";

export interface Outcome {
  kind: Kind;
  client: number;
  round: number;
  /** ok: a success answer; refused: a 4xx with a message; lost: no answer (in flight at the kill). */
  status: "ok" | "refused" | "lost" | "error";
  /** What the request was about: the e-mail, `${registrationId}:${sessionId}`, `${from}>${to}`. */
  key: string;
  intent?: "signUp" | "cancel";
  /** The HTTP status or the error's text, for the report when something is unexpected. */
  note: string;
}

export interface Stream {
  url: string;
  round: number;
  /** Set just before the kill: no client starts another request. */
  stopping: boolean;
  outcomes: Outcome[];
}

interface Answer {
  status: number;
  location: string | null;
  body: Record<string, unknown> | null;
}

async function post(stream: Stream, path: string, form: Record<string, string>, cookie?: string): Promise<Answer> {
  const res = await fetch(`${stream.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(form),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    body = null;
  }
  return { status: res.status, location: res.headers.get("location"), body };
}

/** Runs one request and records it; the answer's judge says whether it was a success. */
async function attempt(
  stream: Stream,
  base: Omit<Outcome, "status" | "note" | "round">,
  send: () => Promise<Answer>,
  succeeded: (a: Answer) => boolean,
): Promise<Outcome> {
  const outcome: Outcome = { ...base, round: stream.round, status: "lost", note: "" };
  try {
    const answer = await send();
    outcome.note = String(answer.status);
    outcome.status = succeeded(answer) ? "ok" : answer.status >= 400 && answer.status < 500 ? "refused" : "error";
  } catch (error) {
    // Sent before the kill and never answered: in flight. Failing otherwise is an error of its own.
    outcome.note = error instanceof Error ? `${error.name}: ${(error.cause as Error)?.message ?? error.message}` : "?";
    outcome.status = stream.stopping ? "lost" : "error";
  }
  stream.outcomes.push(outcome);
  return outcome;
}

/** A visitor sends the public registration form with a new address (request + mail + audit). */
export async function registrationClient(stream: Stream, client: number, organisationIds: number[]) {
  for (let n = 0; !stream.stopping; n++) {
    const email = `crash-${stream.round}-${client}-${n}@crash.ngoaivu.test`;
    await attempt(
      stream,
      { kind: "registration", client, key: email },
      () =>
        post(stream, "/register", {
          honorific: n % 2 ? "ms" : "mr",
          fullName: `Nguyễn Văn Thử ${client}-${n}`,
          position: "Chuyên viên",
          organisationId: String(organisationIds[(client + n) % organisationIds.length]),
          email,
          phone: "+84 912 345 678",
          mode: n % 3 ? "in_person" : "online",
          interpretation: "none",
          dietary: "",
          consentToList: "on",
        }),
      (a) => a.status === 302 && (a.location ?? "").includes("/register?sent="),
    );
  }
}

/**
 * A delegate walks the sessions that ask for sign-up, signing up where they are not signed up and
 * cancelling where they are (`signedUp` is what the database said before the round, kept current).
 */
export async function signUpClient(
  stream: Stream,
  client: number,
  who: { cookie: string; registrationId: number },
  sessionIds: number[],
  signedUp: Set<number>,
) {
  for (let n = 0; !stream.stopping; n++) {
    const sessionId = sessionIds[n % sessionIds.length];
    const intent = signedUp.has(sessionId) ? "cancel" : "signUp";
    const outcome = await attempt(
      stream,
      { kind: "signup", client, key: `${who.registrationId}:${sessionId}`, intent },
      () => post(stream, "/programme?_data=routes%2Fprogramme", { intent, sessionId: String(sessionId) }, who.cookie),
      (a) => a.status === 200 && a.body?.ok === true,
    );
    if (outcome.status === "ok") {
      if (intent === "signUp") signedUp.add(sessionId);
      else signedUp.delete(sessionId);
    }
  }
}

/** A province's delegate asks missions and foreign partners for a meeting, each once. */
export async function meetingClient(
  stream: Stream,
  client: number,
  who: { cookie: string; organisationId: number },
  targets: number[],
) {
  while (!stream.stopping && targets.length) {
    const to = targets.shift()!;
    await attempt(
      stream,
      { kind: "meeting", client, key: `${who.organisationId}>${to}` },
      () =>
        post(
          stream,
          "/meetings?_data=routes%2Fmeetings",
          {
            intent: "request",
            toOrganisationId: String(to),
            sector: "investment",
            ask: "Hợp tác đầu tư",
            priority: "2",
          },
          who.cookie,
        ),
      (a) => a.status === 200 && a.body?.done === "meetingsDelegate.form.sentTo",
    );
  }
}

export function successes(stream: Stream, round?: number): number {
  return stream.outcomes.filter((o) => o.status === "ok" && (round === undefined || o.round === round)).length;
}
