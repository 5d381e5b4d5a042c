import { bundleScript } from "~/http/i18n.server";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "~/platform/db.server";
import { hashPassword } from "~/auth/password.server";
import { toCsvBytes } from "~/lib/csv";
import { templateRows } from "~/features/registration/delegate-import";
import { utcToZonedLocal, zonedDate } from "~/lib/time";
import { createInvitation, issueInvitation } from "~/features/people/invitations.server";
import { joinLinksFor } from "~/features/registration/join-links.server";
import { placeMeeting, requestMeeting } from "~/features/meetings/meetings.server";
import { addFavourite, setPublished, signUp } from "~/features/agenda/agenda.server";
import { smtpStatus } from "~/platform/mailer.server";
import { nowIso } from "~/platform/db.server";
import { addPhoto } from "~/features/exhibition/applications/products.server";
import { failJob, startJob } from "~/platform/jobs/jobs.server";
import { runningJobIds, whenJobFinished } from "~/platform/jobs/runner.server";
import { createAgreement, moveAgreement } from "~/features/proceedings/agreements/agreements.server";
import type { AgreementScope } from "~/features/proceedings/agreements/access.server";
import {
  NAME_PLATES_JOB,
  PARTICIPANT_LIST_JOB,
  PROCEEDINGS_JOB,
  PROCEEDINGS_SECTIONS,
  SIGN_IN_SHEETS_JOB,
} from "~/features/proceedings/rules";
import { createDocument, setDocumentState } from "~/features/proceedings/documents/documents.server";
import { addDocumentImage } from "~/features/proceedings/documents/images.server";
import type { DocumentInput } from "~/features/proceedings/documents/schema";
import { getBookSettings } from "~/features/proceedings/book/settings.server";
import sharp from "sharp";
import { DEMO_ACCOUNTS, DEMO_BADGE_CODE, DEMO_PASSWORDS } from "../../../seeds/seed";
import { changedTables, digest } from "../../helpers/digest";
import { demoConference, organisationId } from "../../helpers/factories";
import { acceptedRequests, askFor, cookieFor, delegateOf, startSlotNow } from "../../helpers/meetings";
import { cookieFrom, type DemoKey } from "../../helpers/remix";

/**
 * Issue 10: every route × every kind of person, as a table that fails when a route is added
 * without a row (the routes are read from app/routes/ at run time, and each action's intents
 * from its source).
 *
 * Actors (decision 011, app/auth/permissions.ts):
 * - visitor: no cookie;
 * - unconfirmed: sent the public form and never followed the link, so has no account and no
 *   cookie (registered through the form in beforeAll; a column of its own all the same);
 * - pending: a delegate whose registration for Bắc Giang is pending;
 * - approved: the demo delegate, approved for Bắc Giang;
 * - otherOrg: a delegate approved for Lạng Sơn;
 * - head: the demo ambassador, designated head of the Embassy in Japan (approved online);
 * - exhibitor, secretariat, organiser: the demo accounts (no registration).
 *
 * Outcomes: "ok" (2xx); "→/path" (a redirect whose Location starts with /path); "login" (the
 * redirect to sign-in, /login or /login?redirectTo=…); "403", "404", "400"… (that status), and
 * "403 key" (that status with that message key in the body).
 *
 * Every refused call (login or 4xx) is checked to have written nothing: tests/helpers/digest.ts
 * hashes every row of the tables that matter and counts audit_log, auth_sessions, login_failures
 * and throttle_events. No route audits a refusal, so the audit log may not grow on one.
 *
 * Within a row the refused calls run first, on the state the row was written for; the allowed
 * ones after. Rows run in the table's order, and those that change what later rows rely on
 * (the schedule, registering, cancelling) come last.
 *
 * Passwords are hashed with cheap scrypt parameters in this file (the hash carries them, and
 * verifyPassword reads them): the matrix is about who may do what, not about hashing strength.
 */
vi.mock("~/auth/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/auth/password.server")>();
  const { randomBytes, scryptSync } = await import("node:crypto");
  return {
    ...real,
    hashPassword: async (password: string) => {
      const salt = randomBytes(16);
      const key = scryptSync(password.normalize("NFC"), salt, 64, { N: 2 ** 10, r: 8, p: 1 });
      return `scrypt$10$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    },
  };
});

const ACTORS = [
  "visitor",
  "unconfirmed",
  "pending",
  "approved",
  "otherOrg",
  "head",
  "exhibitor",
  "secretariat",
  "organiser",
] as const;
type ActorKey = (typeof ACTORS)[number];
type Group = "all" | "anon" | "signedIn" | "delegates" | "staff";
const GROUPS: Record<Group, readonly ActorKey[]> = {
  all: ACTORS,
  anon: ["visitor", "unconfirmed"],
  signedIn: ["pending", "approved", "otherOrg", "head", "exhibitor", "secretariat", "organiser"],
  delegates: ["pending", "approved", "otherOrg", "head", "exhibitor"],
  staff: ["secretariat", "organiser"],
};

type Outcome = string;
type Spec = Partial<Record<Group | ActorKey, Outcome>>;

/** Groups first (all, then anon/signedIn, then delegates/staff), single actors last. */
function expand(spec: Spec): Record<ActorKey, Outcome> {
  const out: Partial<Record<ActorKey, Outcome>> = {};
  for (const group of ["all", "anon", "signedIn", "delegates", "staff"] as const) {
    const o = spec[group];
    if (o) for (const a of GROUPS[group]) out[a] = o;
  }
  for (const a of ACTORS) if (spec[a]) out[a] = spec[a];
  for (const a of ACTORS) if (!out[a]) throw new Error(`no expectation for ${a} in ${JSON.stringify(spec)}`);
  return out as Record<ActorKey, Outcome>;
}

const everyone = (o: Outcome = "ok"): Spec => ({ all: o });
const signedIn = (o: Outcome = "ok"): Spec => ({ anon: "login", signedIn: o });
const organiserOnly = (o: Outcome = "ok"): Spec => ({ anon: "login", signedIn: "403", organiser: o });
const staffOnly = (o: Outcome = "ok"): Spec => ({ anon: "login", signedIn: "403", staff: o });

interface Actor {
  key: ActorKey;
  cookie: string | null;
  userId: string | null;
  email: string | null;
  password: string | null;
}

type Fields = Array<[string, string]>;
const fields = (o: Record<string, string | number>): Fields => Object.entries(o).map(([k, v]) => [k, String(v)]);

interface Cell {
  actor: Actor;
  cookie: string | null;
}

interface Row {
  /** The URL pattern, as the route file's name maps to it. */
  route: string;
  method: "loader" | "action";
  /** The intent posted (a label for a single action, "?" for an unknown intent). */
  intent?: string;
  params?: (c: Cell) => Record<string, string> | Promise<Record<string, string>>;
  /** The query string, "?…" (a function when it names a fixture's id). */
  query?: string | (() => string);
  form?: (c: Cell) => Fields | Promise<Fields>;
  multipart?: (c: Cell) => FormData | Promise<FormData>;
  /** A session of its own for the call (signing out, say, ends the one it is made with). */
  fresh?: boolean;
  expect: Spec;
  /** More to check of an allowed call's answer (its body, its headers); returns what is wrong, or null. */
  check?: (actor: ActorKey, body: string, response: Response) => string | null;
  after?: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The route modules, read at run time.

const ROUTES_DIR = resolve(__dirname, "../../../app/routes");
const APP_DIR = resolve(__dirname, "../../../app");

/** Remix flat routes: "admin.delegates.$id.tsx" → "/admin/delegates/:id", "my-agenda[.]ics.ts" → "/my-agenda.ics". */
function urlOf(file: string): string {
  const name = file.replace(/\/route\.(tsx|ts|jsx|js)$/, "").replace(/\.(tsx|ts|jsx|js)$/, "");
  const segments = name
    .replace(/\[([^\]]*)\]/g, (_m, literal: string) => literal.replace(/\./g, "\u0000"))
    .split(".")
    .filter((s) => s !== "_index" && !(s.startsWith("_") && s.length > 1))
    // A trailing underscore only takes the route out of its parent's layout ("plan_.import").
    .map((s) => (s.endsWith("_") && s.length > 1 ? s.slice(0, -1) : s))
    // eslint-disable-next-line no-control-regex -- NUL stands in for a literal dot while splitting
    .map((s) => (s.startsWith("$") ? `:${s.slice(1)}` : s).replace(/\u0000/g, "."));
  return `/${segments.join("/")}`;
}

/** The intent values an action tells apart, read from its source (`case "x":`, `intent === "x"`). */
function intentsInSource(source: string): string[] {
  const start = source.indexOf("export async function action");
  if (start < 0) return [];
  const end = source.indexOf("\n}\n", start);
  const body = source.slice(start, end < 0 ? undefined : end);
  const found = new Set<string>();
  for (const re of [/case "([^"]+)":/g, /intent\s*(?:===|!==)\s*"([^"]+)"/g, /intent"\)\s*(?:===|!==)\s*"([^"]+)"/g]) {
    for (const m of body.matchAll(re)) found.add(m[1]);
  }
  // A union spelled in the action: `z.object({ intent: z.enum(["a", "b"]) })`.
  for (const m of body.matchAll(/\bintent:\s*z\.enum\(\s*\[([^\]]*)\]/g)) {
    for (const name of m[1].matchAll(/"([^"]+)"/g)) found.add(name[1]);
  }
  // A route's zod union of intents (app/http/intent.server.ts: `intent("x")`, imported as intentOf where the action names its parsed intent `intent`), wherever the module declares it.
  for (const m of source.matchAll(/\bintent(?:Of)?\("([^"]+)"\)/g)) found.add(m[1]);
  // A route whose intents carry no fields names them in a list: `pickIntent(["a", "b"], values)`.
  for (const m of source.matchAll(/\bpickIntent\(\s*\[([^\]]*)\]/g)) {
    for (const name of m[1].matchAll(/"([^"]+)"/g)) found.add(name[1]);
  }
  return [...found].sort();
}

/** Route modules: flat files, and folder routes' route.tsx (the folder's other files are its private parts). */
const routeFiles = readdirSync(ROUTES_DIR, { withFileTypes: true }).flatMap((entry) => {
  if (entry.isFile()) return /\.(tsx|ts)$/.test(entry.name) ? [entry.name] : [];
  return readdirSync(resolve(ROUTES_DIR, entry.name))
    .filter((f) => /^route\.(tsx|ts)$/.test(f))
    .map((f) => `${entry.name}/${f}`);
});
const modules = new Map<
  string,
  { file: string; loader?: unknown; action?: unknown; source: string; listed: string[] }
>();

/**
 * Intents named by a list rather than spelled in the action: `pickIntent(INTENTS, …)` or
 * `z.enum(PLAN_INTENTS)`, the list declared in the route or imported from a feature.
 */
async function listedIntents(source: string): Promise<string[]> {
  const found = new Set<string>();
  for (const m of source.matchAll(/\b(?:pickIntent\(|intent:\s*z\.enum\()\s*([A-Za-z_]\w*)\b/g)) {
    const name = m[1];
    const local = new RegExp(`const ${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(source);
    let list: unknown = local ? [...local[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : null;
    const imported = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "~/([^"]+)"`).exec(source);
    if (!list && imported) list = ((await import(resolve(APP_DIR, imported[1]))) as Record<string, unknown>)[name];
    if (!Array.isArray(list)) throw new Error(`cannot read the intents in ${name}`);
    for (const intent of list) found.add(String(intent));
  }
  // An action that reads its intent with a feature's function (`const intent = readIntent(…)`): the
  // values that function compares with, and each alternative of its patterns, any other group a "*"
  // (`/^move:(up|down):([a-z]+)$/` → "move:up:*", "move:down:*").
  for (const m of source.matchAll(/\bconst intent = (\w+)\(/g)) {
    const imported = new RegExp(`import \\{[^}]*\\b${m[1]}\\b[^}]*\\} from "~/(features/[^"]+)"`).exec(source);
    if (!imported) continue;
    const file = [".ts", ".tsx"].map((ext) => resolve(APP_DIR, `${imported[1]}${ext}`)).find((p) => existsSync(p));
    if (!file) throw new Error(`cannot read the intents of ${m[1]}`);
    const text = readFileSync(file, "utf8");
    const start = text.indexOf(`function ${m[1]}(`);
    if (start < 0) throw new Error(`cannot read the intents of ${m[1]}`);
    const body = text.slice(start, text.indexOf("\n}\n", start));
    for (const value of body.matchAll(/===\s*"([^"]+)"/g)) found.add(value[1]);
    for (const pattern of body.matchAll(/\/\^([^/]+)\$\//g))
      for (const value of patternValues(pattern[1])) found.add(value);
  }
  return [...found];
}

/** A pattern's values: each alternative of a group of words ("(up|down)"), any other group "*". */
function patternValues(pattern: string): string[] {
  const group = /\(([^()]*)\)/.exec(pattern);
  if (!group) return [pattern];
  const options = /^[\w-]+(?:\|[\w-]+)+$/.test(group[1]) ? group[1].split("|") : ["*"];
  return options.flatMap((o) =>
    patternValues(pattern.slice(0, group.index) + o + pattern.slice(group.index + group[0].length)),
  );
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

const PASSWORD = "Điện Biên Phủ 1954 ok";
const actors = {} as Record<ActorKey, Actor>;
const f = {
  conferenceId: 0,
  zone: "",
  day1: "",
  day2: "",
  bg: 0,
  ls: 0,
  jp: 0,
  kr: 0,
  us: 0,
  bgRegistrationId: 0,
  lsRegistrationId: 0,
  pendingRegistrationId: 0,
  blockSessionId: 0,
  newBlockSessionId: 0,
  requestFromBg: 0,
  pendingToJapan: 0,
  pendingToJapanOnBehalf: 0,
  meetingId: 0,
  placeRequestId: 0,
  placeSlotId: 0,
  placeTableId: 0,
  signupSessionId: 0,
  favouriteSessionId: 0,
  sessionId: 0,
  roomId: 0,
  disableTarget: "",
  headTarget: "",
  revokeInvitationId: 0,
  approveTarget: 0,
  rejectTarget: 0,
  inviteToken: "",
  joinToken: "",
  ownApplication: 0,
  ownProduct: 0,
  spareProduct: 0,
  ownPhoto: 0,
  sparePhoto: 0,
  submittedOther: 0,
  allocatedExhibitor: 0,
  handExhibitor: 0,
  handBooth: "",
  hallA: 0,
  spareHall: 0,
  spareObstacle: 0,
  spareBooth: 0,
  bgAgreement: 0,
  sentAgreement: 0,
  lsAgreement: 0,
  headTableSession: 0,
  document: 0,
  documentImage: 0,
  emptyDocument: 0,
  publicSession: 0,
  hiddenSession: 0,
  publicDocument: 0,
  publicImage: 0,
  draftDocument: 0,
  draftImage: 0,
  summarySession: 0,
  otherSummarySession: 0,
  otherSessionDocument: 0,
};

/** A small real PNG, as an exhibitor's camera would give (decoded and re-encoded by the upload path). */
const pngBytes = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

/** Background jobs this process runs, finished (one badge batch at a time: each start waits for the last). */
const jobsSettled = async () => {
  await Promise.all(runningJobIds().map(whenJobFinished));
};
let badgeJob = 0;
/** A finished badge batch started by the organiser: the job routes' fixture. */
async function finishedBadgeJob(): Promise<number> {
  await jobsSettled();
  if (!badgeJob) {
    const started = await startJob(getDb(), {
      kind: "registration.badgeBatch",
      conferenceId: f.conferenceId,
      input: { locale: "vi" },
      actor: { id: as("organiser").userId, ip: null },
    });
    if (!started.ok) throw new Error(`badge batch refused: ${JSON.stringify(started.refusal)}`);
    badgeJob = started.job.id;
  }
  await whenJobFinished(badgeJob);
  return badgeJob;
}

let ipCount = 0;
const nextIp = () => {
  ipCount += 1;
  return `10.77.${Math.floor(ipCount / 250)}.${ipCount % 250}`;
};

/** Calls a loader or an action as Remix would; a thrown Response is returned, anything else thrown. */
async function hit(
  route: string,
  method: "loader" | "action",
  options: {
    cookie: string | null;
    params?: Record<string, string>;
    query?: string;
    form?: Fields;
    multipart?: FormData;
  },
): Promise<Response> {
  const mod = modules.get(route);
  const fn = mod?.[method] as ((args: unknown) => Promise<unknown>) | undefined;
  if (!fn) throw new Error(`${route} has no ${method}`);
  const path =
    route.replace(/:(\w+)/g, (_m, k: string) => encodeURIComponent(options.params?.[k] ?? "")) + (options.query ?? "");
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.multipart) body = options.multipart;
  else if (method === "action") {
    body = new URLSearchParams(options.form ?? []);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const request = new Request(`http://localhost:3000${path}`, {
    method: method === "action" ? "POST" : "GET",
    headers,
    body,
  });
  try {
    const result = await fn({
      request,
      params: options.params ?? {},
      context: { clientIp: nextIp(), cspNonce: "test" },
    });
    return result instanceof Response ? result : new Response(JSON.stringify(result));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function jsonFrom<T>(route: string, method: "loader" | "action", options: Parameters<typeof hit>[2]): Promise<T> {
  const response = await hit(route, method, options);
  if (response.status >= 400)
    throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const as = (key: ActorKey) => actors[key];
const organiserCookie = () => as("organiser").cookie;

async function signInThroughForm(email: string, password: string): Promise<string> {
  const response = await hit("/login", "action", { cookie: null, form: fields({ email, password }) });
  const cookie = cookieFrom(response);
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed with ${response.status}`);
  return cookie;
}

async function userIdOf(email: string) {
  return (await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function registrationOf(userId: string) {
  return getDb()
    .selectFrom("registrations")
    .selectAll()
    .where("user_id", "=", userId)
    .where("conference_id", "=", f.conferenceId)
    .executeTakeFirst();
}

/** A person's own registration as the self-edit form sends it back unchanged (with its intent, as the page's form does). */
async function ownEdit(c: Cell): Promise<Fields> {
  const r = c.actor.userId ? await registrationOf(c.actor.userId) : undefined;
  if (!r) {
    // No registration: a plausible form all the same.
    return fields({
      intent: "update",
      honorific: "mr",
      fullName: "Nguyễn Văn Thử",
      position: "Chuyên viên",
      organisationId: f.bg,
      phone: "+84 24 3799 3000",
      mode: "in_person",
      interpretation: "none",
      dietary: "",
    });
  }
  return fields({
    intent: "update",
    honorific: r.honorific,
    fullName: r.full_name,
    position: r.position,
    organisationId: r.organisation_id,
    phone: r.phone,
    mode: r.mode,
    interpretation: r.interpretation,
    dietary: r.dietary,
    ...(r.consent_to_list ? { consentToList: "on" } : {}),
  });
}

let registerCount = 0;
const registrationForm = (email: string): Fields =>
  fields({
    honorific: "ms",
    fullName: "Trần Thị Đăng Ký",
    position: "Phó Giám đốc Sở Ngoại vụ",
    organisationId: f.bg,
    email,
    phone: "+84 204 3854 000",
    mode: "in_person",
    interpretation: "none",
    dietary: "",
    consentToList: "on",
  });

async function allSlotIds(): Promise<Fields> {
  const slots = await getDb()
    .selectFrom("meeting_slots as s")
    .innerJoin("meeting_blocks as b", "b.id", "s.block_id")
    .select("s.id")
    .where("b.conference_id", "=", f.conferenceId)
    .execute();
  return slots.map((s) => ["slot", String(s.id)]);
}

const csvFile = () => new File([toCsvBytes(templateRows("vi"))], "dai-bieu.csv", { type: "text/csv" });

beforeAll(async () => {
  for (const file of routeFiles) {
    const mod = (await import(resolve(ROUTES_DIR, file))) as { loader?: unknown; action?: unknown };
    const source = readFileSync(resolve(ROUTES_DIR, file), "utf8");
    modules.set(urlOf(file), {
      file,
      loader: mod.loader,
      action: mod.action,
      source,
      listed: await listedIntents(source),
    });
  }
  const db = getDb();
  const conference = await demoConference();
  f.conferenceId = conference.id;
  f.zone = conference.time_zone;
  f.day1 = utcToZonedLocal(conference.starts_at, f.zone).slice(0, 10);
  f.day2 = utcToZonedLocal(conference.ends_at, f.zone).slice(0, 10);
  [f.bg, f.ls, f.jp, f.kr, f.us] = await Promise.all(
    ["prov-bac-giang", "prov-lang-son", "mis-emb-jp", "mis-emb-kr", "mis-emb-us"].map(organisationId),
  );

  // Demo accounts, signed in once through the real form.
  const demo: Record<DemoKey, ActorKey> = {
    delegate: "approved",
    ambassador: "head",
    exhibitor: "exhibitor",
    secretariat: "secretariat",
    organiser: "organiser",
  };
  for (const account of DEMO_ACCOUNTS) {
    const password = DEMO_PASSWORDS[account.key];
    await db
      .updateTable("users")
      .set({ password_hash: await hashPassword(password) })
      .where("email", "=", account.email)
      .execute();
    const key = demo[account.key];
    actors[key] = {
      key,
      cookie: await signInThroughForm(account.email, password),
      userId: await userIdOf(account.email),
      email: account.email,
      password,
    };
  }
  // A pending delegate of Bắc Giang and an approved one of Lạng Sơn, with passwords of their own.
  for (const [key, code, status] of [
    ["pending", "prov-bac-giang", "pending"],
    ["otherOrg", "prov-lang-son", "approved"],
  ] as const) {
    const { userId } = await delegateOf(code, { status });
    await db
      .updateTable("users")
      .set({ password_hash: await hashPassword(PASSWORD) })
      .where("id", "=", userId)
      .execute();
    const email = (await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow())
      .email;
    actors[key] = { key, cookie: await signInThroughForm(email, PASSWORD), userId, email, password: PASSWORD };
  }
  actors.visitor = { key: "visitor", cookie: null, userId: null, email: null, password: null };
  // Sent the public form, never followed the link: a request and a link, no account.
  const unconfirmedEmail = "chua-xac-nhan@tinh-bacgiang.gov.vn";
  const sent = await hit("/register", "action", { cookie: null, form: registrationForm(unconfirmedEmail) });
  expect(sent.status).toBe(302);
  expect(
    await db.selectFrom("registration_requests").select("id").where("email", "=", unconfirmedEmail).executeTakeFirst(),
  ).toBeDefined();
  expect(
    await db.selectFrom("users").select("id").where("email", "=", unconfirmedEmail).executeTakeFirst(),
  ).toBeUndefined();
  actors.unconfirmed = { key: "unconfirmed", cookie: null, userId: null, email: unconfirmedEmail, password: null };

  f.bgRegistrationId = (await registrationOf(as("approved").userId!))!.id;
  f.lsRegistrationId = (await registrationOf(as("otherOrg").userId!))!.id;
  f.pendingRegistrationId = (await registrationOf(as("pending").userId!))!.id;

  // Meetings: Bắc Giang has asked Korea; Lạng Sơn and Japan have a placed meeting that has started;
  // Hải Phòng and Đà Nẵng wait for Japan's answer (seeded).
  const block = await db
    .selectFrom("meeting_blocks")
    .selectAll()
    .where("conference_id", "=", f.conferenceId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  f.blockSessionId = block.session_id;
  const slots = await db
    .selectFrom("meeting_slots")
    .select("id")
    .where("block_id", "=", block.id)
    .orderBy("starts_at")
    .execute();
  const tables = await db
    .selectFrom("meeting_tables")
    .select("id")
    .where("block_id", "=", block.id)
    .orderBy("number")
    .execute();
  const asked = await requestMeeting(as("approved").userId!, f.conferenceId, askFor(f.kr), null);
  if (!asked.ok) throw new Error(asked.refusal.key);
  f.requestFromBg = asked.id;
  const [lsToJapan] = await acceptedRequests(
    f.conferenceId,
    [{ userId: as("otherOrg").userId! }],
    [{ userId: as("head").userId!, orgId: f.jp }],
  );
  const placed = await placeMeeting(lsToJapan, slots[0].id, tables[0].id, { locked: false }, { id: null, ip: null });
  if (!placed.ok) throw new Error(placed.refusal.key);
  f.meetingId = placed.id;
  await startSlotNow(slots[0].id);
  const pendingTo = async (code: string) =>
    (
      await db
        .selectFrom("meeting_requests")
        .select("id")
        .where("from_organisation_id", "=", await organisationId(code))
        .where("to_organisation_id", "=", f.jp)
        .where("status", "=", "pending")
        .executeTakeFirstOrThrow()
    ).id;
  f.pendingToJapan = await pendingTo("prov-hai-phong");
  f.pendingToJapanOnBehalf = await pendingTo("prov-da-nang");
  const busy = (await Promise.all(["mis-emb-sg", "mis-emb-kr", "mis-emb-de"].map(organisationId))).concat(f.jp);
  f.placeRequestId = (
    await db
      .selectFrom("meeting_requests")
      .select("id")
      .where("status", "=", "accepted")
      .where("to_organisation_id", "not in", busy)
      .orderBy("id")
      .executeTakeFirstOrThrow()
  ).id;
  f.placeSlotId = slots[slots.length - 1].id;
  f.placeTableId = tables[tables.length - 1].id;

  // The programme: a session to sign up for, a draft to edit, a second meeting session, a spare room.
  f.signupSessionId = (
    await db
      .selectFrom("sessions")
      .select("id")
      .where("conference_id", "=", f.conferenceId)
      .where("requires_signup", "=", 1)
      .orderBy("starts_at")
      .executeTakeFirstOrThrow()
  ).id;
  const newSession = async (kind: string, day: string, from: string, to: string) => {
    const saved = await hit("/admin/agenda/:id", "action", {
      cookie: organiserCookie(),
      params: { id: "new" },
      form: fields({
        intent: "save",
        kind,
        titleVi: `Phiên thử ${kind}`,
        titleEn: `Test ${kind}`,
        descriptionVi: "",
        descriptionEn: "",
        day,
        startTime: from,
        endTime: to,
        roomId: "",
        capacity: "",
        streamUrl: "",
      }),
    });
    const id = Number(/\/admin\/agenda\/(\d+)/.exec(saved.headers.get("Location") ?? "")?.[1]);
    if (!id) throw new Error(`no session saved: ${saved.status} ${await saved.text()}`);
    return id;
  };
  f.sessionId = await newSession("other", f.day1, "17:00", "17:30");
  f.newBlockSessionId = await newSession("meeting_block", f.day2, "13:00", "14:00");
  // A published session without sign-up, for a delegate's own agenda (favourites).
  f.favouriteSessionId = await newSession("discussion", f.day1, "17:30", "18:00");
  await setPublished(f.conferenceId, [f.favouriteSessionId], true, { id: null, ip: null });
  await hit("/admin/rooms", "action", {
    cookie: organiserCookie(),
    form: fields({
      intent: "save",
      nameVi: "Phòng dự phòng",
      nameEn: "Spare room",
      capacity: "10",
      streamUrl: "",
      notes: "",
    }),
  });
  f.roomId = (
    await db.selectFrom("rooms").select("id").where("name_en", "=", "Spare room").executeTakeFirstOrThrow()
  ).id;

  // People: someone to disable, a Korean embassy officer to make head, an invitation to revoke,
  // two pending registrations to decide on, a live link to look at, a join link.
  f.disableTarget = (await delegateOf("prov-cao-bang")).userId;
  f.headTarget = (await delegateOf("mis-emb-kr", { head: false })).userId;
  const invited = await createInvitation(
    { email: "thu-hoi@bo-ngoai-giao.gov.vn", fullName: "Người được mời", role: "secretariat", organisationId: null },
    { id: as("organiser").userId!, ip: null, locale: "vi" },
  );
  if (!invited.ok) throw new Error("no invitation");
  f.revokeInvitationId = (
    await db
      .selectFrom("invitations")
      .select("id")
      .where("email", "=", "thu-hoi@bo-ngoai-giao.gov.vn")
      .executeTakeFirstOrThrow()
  ).id;
  f.approveTarget = (await registrationOf((await delegateOf("prov-ha-giang", { status: "pending" })).userId))!.id;
  f.rejectTarget = (await registrationOf((await delegateOf("prov-tuyen-quang", { status: "pending" })).userId))!.id;
  f.inviteToken = (
    await db.transaction().execute((trx) =>
      issueInvitation(trx, {
        email: "xem-loi-moi@tinh.gov.vn",
        fullName: "Người xem lời mời",
        role: "delegate",
        organisationId: null,
        invitedBy: null,
      }),
    )
  ).token;
  const headRegistration = (await registrationOf(as("head").userId!))!;
  f.joinToken = (await joinLinksFor(headRegistration))[0].token;
  // The exhibition (seeds/demo-exhibition.ts): the demo exhibitor's submitted application with a
  // photo, another submitted one to decide on, an approved exhibitor with a locked booth, one without
  // a booth (and a free booth that fits it), and a spare hall with an obstacle and a booth to edit.
  const exhibitorUserId = as("exhibitor").userId!;
  const own = await db
    .selectFrom("exhibitors")
    .select("id")
    .where("conference_id", "=", f.conferenceId)
    .where("user_id", "=", exhibitorUserId)
    .executeTakeFirstOrThrow();
  f.ownApplication = own.id;
  f.ownProduct = (
    await db
      .selectFrom("exhibitor_products")
      .select("id")
      .where("exhibitor_id", "=", own.id)
      .orderBy("id")
      .executeTakeFirstOrThrow()
  ).id;
  const at = nowIso();
  f.spareProduct = Number(
    (
      await db
        .insertInto("exhibitor_products")
        .values({
          exhibitor_id: own.id,
          name_vi: "Mật ong hoa vải",
          category: "processed_food",
          created_at: at,
          updated_at: at,
        })
        .executeTakeFirstOrThrow()
    ).insertId,
  );
  const owner = { conferenceId: f.conferenceId, userId: exhibitorUserId, actor: { id: exhibitorUserId, ip: null } };
  for (const key of ["ownPhoto", "sparePhoto"] as const) {
    const added = await addPhoto(db, owner, { bytes: await pngBytes(), productId: f.ownProduct, caption: "" });
    if (!added.ok) throw new Error(`photo: ${added.refusal.key}`);
    f[key] = added.photoId;
  }
  f.submittedOther = (
    await db
      .selectFrom("exhibitors")
      .select("id")
      .where("conference_id", "=", f.conferenceId)
      .where("status", "=", "submitted")
      .where("id", "!=", own.id)
      .orderBy("id")
      .executeTakeFirstOrThrow()
  ).id;
  f.allocatedExhibitor = (
    await db
      .selectFrom("booth_allocations")
      .select("exhibitor_id")
      .where("conference_id", "=", f.conferenceId)
      .where("confirmed_at", "is", null)
      .orderBy("booth_id")
      .executeTakeFirstOrThrow()
  ).exhibitor_id;
  const single = await db
    .selectFrom("exhibitors as e")
    .select(["e.id", "e.min_area"])
    .where("e.conference_id", "=", f.conferenceId)
    .where("e.status", "=", "approved")
    .where("e.booths_needed", "=", 1)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("booth_allocations as a").select("a.booth_id").whereRef("a.exhibitor_id", "=", "e.id")),
      ),
    )
    .orderBy("e.id")
    .executeTakeFirstOrThrow();
  f.handExhibitor = single.id;
  f.handBooth = (
    await db
      .selectFrom("booths as b")
      .select("b.code")
      .where("b.conference_id", "=", f.conferenceId)
      .where("b.held", "=", 0)
      .where("b.area", ">=", single.min_area)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom("booth_allocations as a").select("a.booth_id").whereRef("a.booth_id", "=", "b.id")),
        ),
      )
      .orderBy("b.code")
      .executeTakeFirstOrThrow()
  ).code;
  f.hallA = (
    await db
      .selectFrom("exhibition_halls")
      .select("id")
      .where("conference_id", "=", f.conferenceId)
      .executeTakeFirstOrThrow()
  ).id;
  f.spareHall = Number(
    (
      await db
        .insertInto("exhibition_halls")
        .values({
          conference_id: f.conferenceId,
          code: "Q",
          name_vi: "Sảnh phụ Q",
          name_en: "Side hall Q",
          width_m: 30,
          depth_m: 20,
          created_at: at,
          updated_at: at,
        })
        .executeTakeFirstOrThrow()
    ).insertId,
  );
  f.spareObstacle = Number(
    (
      await db
        .insertInto("exhibition_obstacles")
        .values({ hall_id: f.spareHall, kind: "column", x: 14, y: 9, w: 1, h: 1 })
        .executeTakeFirstOrThrow()
    ).insertId,
  );
  f.spareBooth = Number(
    (
      await db
        .insertInto("booths")
        .values({
          conference_id: f.conferenceId,
          hall_id: f.spareHall,
          code: "Q-01",
          zone: "ocop",
          type: "standard",
          x: 2,
          y: 2,
          w: 3,
          h: 3,
          area: 9,
          created_at: at,
          updated_at: at,
        })
        .executeTakeFirstOrThrow()
    ).insertId,
  );
  // The agreements registry (issue 14; the minimal demo has none): a draft of Bắc Giang to read and
  // edit, one already sent to the Ministry for its opinion (a draft only may be deleted), and one of
  // Lạng Sơn's, for whose list shows what.
  f.bgAgreement = await newAgreement();
  f.sentAgreement = await newAgreement("sent_for_opinion");
  f.lsAgreement = await newAgreement("drafted", f.ls);
  // The printed matter: a session whose head table (approved chairs or speakers in person) has a
  // name plate to print, and whose sign-in sheet lists people. The minimal demo names no chairs:
  // then a delegate of the Ministry (no actor, so that no sign-up clashes) chairs the opening plenary.
  const headTable = () =>
    db
      .selectFrom("session_people as sp")
      .innerJoin("sessions as s", "s.id", "sp.session_id")
      .innerJoin("registrations as r", "r.id", "sp.registration_id")
      .select("s.id")
      .where("s.conference_id", "=", f.conferenceId)
      .where("s.kind", "not in", ["break", "meeting_block"])
      .where("sp.role", "in", ["chair", "speaker"])
      .where("r.status", "=", "approved")
      .where("r.mode", "=", "in_person")
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .executeTakeFirst();
  if (!(await headTable())) {
    const plenary = await db
      .selectFrom("sessions")
      .select("id")
      .where("conference_id", "=", f.conferenceId)
      .where("kind", "=", "plenary")
      .orderBy("starts_at")
      .executeTakeFirstOrThrow();
    const chair = (await registrationOf((await delegateOf("min-ngoai-giao")).userId))!;
    await db
      .insertInto("session_people")
      .values({ session_id: plenary.id, registration_id: chair.id, role: "chair", position: 0 })
      .execute();
  }
  f.headTableSession = (await headTable())!.id;
  // Documents (issue 14): a draft speech with an image for the editor's rows, an empty one (which
  // cannot be made final), and a published discussion whose page shows a final speech (with an
  // image) and its final summary, but not a draft (with an image of its own). Late on the last day,
  // after everything the rows above rely on; "publishAll" runs before these rows, so the session that
  // must be unpublished is unpublished again by its rows.
  f.publicSession = await newSession("discussion", f.day2, "19:00", "19:30");
  f.summarySession = await newSession("discussion", f.day2, "19:30", "20:00");
  f.otherSummarySession = await newSession("discussion", f.day2, "20:00", "20:30");
  f.hiddenSession = await newSession("discussion", f.day2, "20:30", "21:00");
  await setPublished(f.conferenceId, [f.publicSession, f.summarySession, f.otherSummarySession], true, {
    id: null,
    ip: null,
  });
  // The summary's writers: Bắc Giang's delegate for one discussion, Lạng Sơn's for another.
  await db
    .insertInto("session_people")
    .values([
      { session_id: f.summarySession, registration_id: f.bgRegistrationId, role: "rapporteur", position: 0 },
      { session_id: f.otherSummarySession, registration_id: f.lsRegistrationId, role: "rapporteur", position: 0 },
    ])
    .execute();
  f.document = await newDocument();
  f.documentImage = await newDocumentImage(f.document);
  f.emptyDocument = await newDocument({ body: "" });
  f.publicDocument = await newDocument({ sessionId: f.publicSession }, "final");
  f.publicImage = await newDocumentImage(f.publicDocument);
  f.draftDocument = await newDocument({ sessionId: f.publicSession });
  f.draftImage = await newDocumentImage(f.draftDocument);
  await newDocument({ kind: "summary", sessionId: f.publicSession, title: "Tóm tắt phiên thảo luận" }, "final");
  f.otherSessionDocument = await newDocument({ sessionId: f.otherSummarySession }, "final");
}, 60_000);

// ---------------------------------------------------------------------------------------------
// The table. One row per loader and per action intent; the columns are the actors above.

let inviteCount = 0;
const sessionForm = (intent: string, extra: Record<string, string> = {}) =>
  fields({
    intent,
    kind: "other",
    titleVi: "Phiên kiểm tra quyền",
    titleEn: "Authorisation check",
    descriptionVi: "",
    descriptionEn: "",
    day: f.day2,
    startTime: "18:00",
    endTime: "18:30",
    roomId: "",
    capacity: "",
    streamUrl: "",
    ...extra,
  });

const meetingRefusals = (key: string): Spec => ({
  pending: `403 ${key}`,
  exhibitor: "403 meetings.errors.noOrganisation",
  staff: "403 meetings.errors.noOrganisation",
});

const exhibitorOnly = (o: Outcome = "ok"): Spec => ({ anon: "login", signedIn: "403", exhibitor: o });

/** The demo exhibitor's application as its form sends it back unchanged. */
async function ownApplicationForm(intent: string): Promise<Fields> {
  const e = await getDb()
    .selectFrom("exhibitors")
    .selectAll()
    .where("id", "=", f.ownApplication)
    .executeTakeFirstOrThrow();
  const zones = JSON.parse(e.zone_wishes) as string[];
  const out = fields({
    intent,
    nameVi: e.name_vi,
    nameEn: e.name_en,
    kind: e.kind,
    provinceId: e.province_id ?? "",
    contactName: e.contact_name,
    contactEmail: e.contact_email,
    contactPhone: e.contact_phone,
    website: e.website,
    aboutVi: e.about_vi,
    aboutEn: e.about_en,
    zone1: zones[0] ?? "",
    zone2: zones[1] ?? "",
    zone3: zones[2] ?? "",
    boothsNeeded: e.booths_needed,
    minArea: String(e.min_area),
    apartCategory: e.apart_category ?? "",
  });
  for (const type of JSON.parse(e.type_wishes) as string[]) out.push(["types", type]);
  if (e.near_province) out.push(["nearProvince", "on"]);
  if (e.needs_power) out.push(["needsPower", "on"]);
  if (e.needs_water) out.push(["needsWater", "on"]);
  return out;
}

const productForm = (intent: string, extra: Record<string, string | number> = {}) =>
  fields({
    intent,
    nameVi: "Vải thiều sấy khô",
    nameEn: "Dried lychee",
    category: "fruit",
    descriptionVi: "Vải thiều Lục Ngạn sấy lạnh.",
    descriptionEn: "Freeze-dried Lục Ngạn lychee.",
    caption: "",
    ...extra,
  });

/** Booths for the import row: one new booth in the spare hall, headers as the template gives them. */
const boothCsv = () =>
  new File([`code,hall,zone,type,x,y,width,depth,area,power,water\nQ-20,Q,ocop,standard,20,2,3,3,,0,0\n`], "gian.csv", {
    type: "text/csv",
  });

const hallForm = (intent: string, extra: Record<string, string | number> = {}) =>
  fields({
    intent,
    code: "R",
    nameVi: "Sảnh R",
    nameEn: "Hall R",
    width: 20,
    depth: 15,
    grid: 0.5,
    minAisle: 3,
    outline: "",
    ...extra,
  });

/** The organiser's view of the registry, for making fixtures through the model. */
const registryScope = (): AgreementScope => ({
  conferenceId: f.conferenceId,
  userId: as("organiser").userId!,
  organisationId: null,
  staffUpdate: true,
});
const todayThere = () => zonedDate(nowIso(), f.zone);
const noDates = {
  sent_for_opinion_on: null,
  opinion_received_on: null,
  signed_on: null,
  reported_on: null,
  in_force_on: null,
  ended_on: null,
};

let agreementCount = 0;
/** A new agreement of Bắc Giang (the approved delegate's province, unless told), drafted or sent for the Ministry's opinion. */
async function newAgreement(state: "drafted" | "sent_for_opinion" = "drafted", organisationId = f.bg): Promise<number> {
  agreementCount += 1;
  const db = getDb();
  const scope = registryScope();
  const actor = { id: scope.userId, ip: null };
  const created = await createAgreement(db, scope, actor, {
    organisationId,
    title: `Bản ghi nhớ kiểm tra quyền số ${agreementCount}`,
    foreignParty: "Chính quyền tỉnh Gyeonggi",
    countryCode: "KR",
    field: "trade",
    kind: "memorandum",
    signedPlace: "",
    missionId: null,
    meetingRequestId: null,
    summary: "",
  });
  if (!created.ok) throw new Error(`agreement: ${created.refusal.key}`);
  if (state === "sent_for_opinion") {
    const today = todayThere();
    const moved = await moveAgreement(
      db,
      scope,
      actor,
      created.id,
      { ...noDates, target: "sent_for_opinion", sent_for_opinion_on: today },
      today,
    );
    if (!moved.ok) throw new Error(`agreement sent: ${moved.refusal.key}`);
  }
  return created.id;
}

/** The agreement form: staff name the Vietnamese party; a delegate's is forced to their own, whatever they post. */
const agreementForm = (intent: string, c: Cell, extra: Record<string, string | number> = {}) =>
  fields({
    intent,
    // Bắc Giang's delegate posts Lạng Sơn's id, Lạng Sơn's Bắc Giang's: the action must ignore it.
    organisationId: c.actor.key === "approved" ? f.ls : f.bg,
    title: "Thỏa thuận hợp tác thương mại nông sản",
    foreignParty: "Chính quyền tỉnh Gyeonggi",
    countryCode: "KR",
    field: "trade",
    kind: "memorandum",
    signedPlace: "",
    missionId: "",
    meetingRequestId: "",
    summary: "",
    ...extra,
  });

/** No authority to record agreements: each with the page that says how to get it. */
const noAgreementAuthority: Spec = {
  pending: "403 proceedings.agreements.errors.notApproved",
  head: "403 proceedings.agreements.errors.notSigningKind",
  exhibitor: "403 proceedings.agreements.errors.noOrganisation",
};
/** Staff and the delegates who speak for a province or ministry; `other`: Lạng Sơn's delegate on Bắc Giang's agreement. */
const agreementSpec = (o: Outcome, other: Outcome = o): Spec => ({
  anon: "login",
  ...noAgreementAuthority,
  approved: o,
  otherOrg: other,
  staff: o,
});

/** The organisations of the agreements a list shows. */
const listedParties = (body: string) =>
  new Set(
    (JSON.parse(body) as { page: { rows: Array<{ organisationId: number }> } }).page.rows.map((r) => r.organisationId),
  );

const isPdf = (_actor: ActorKey, body: string, response: Response) =>
  response.headers.get("Content-Type")?.startsWith("application/pdf") && body.startsWith("%PDF-")
    ? null
    : `not a PDF: ${response.headers.get("Content-Type")}`;

/** After a print row: the two jobs it started (the secretariat's, the organiser's) have finished with their file. */
const printJobsDone = (kind: string) => async () => {
  await jobsSettled();
  const jobs = await getDb().selectFrom("jobs").select(["state", "error"]).where("kind", "=", kind).execute();
  expect(jobs.map((j) => `${j.state}${j.error ? ` ${j.error}` : ""}`)).toEqual(["done", "done"]);
};

/** The documents' fixtures are made through the model, as the organiser. */
const documentActor = () => ({ id: as("organiser").userId, ip: null });
const isStaff = (c: Cell) => c.actor.key === "secretariat" || c.actor.key === "organiser";
const SPEECH = "Kính thưa các đồng chí,\n\nTỉnh Bắc Giang xin báo cáo **kết quả** công tác đối ngoại.";

let documentCount = 0;
/** A new speech (no session unless told), draft or final. */
async function newDocument(extra: Partial<DocumentInput> = {}, state: "draft" | "final" = "draft"): Promise<number> {
  documentCount += 1;
  const db = getDb();
  const input: DocumentInput = {
    title: `Bài phát biểu kiểm tra quyền số ${documentCount}`,
    kind: "speech",
    language: "vi",
    sessionId: null,
    authorRegistrationId: null,
    authorName: "Nguyễn Văn Diễn Giả",
    position: 0,
    body: SPEECH,
    ...extra,
  };
  const created = await createDocument(db, f.conferenceId, input, documentActor());
  if (!created.ok) throw new Error(`document: ${created.refusal.key}`);
  if (state === "final") {
    const finalised = await setDocumentState(db, f.conferenceId, created.id, "final", documentActor());
    if (!finalised.ok) throw new Error(`document final: ${finalised.refusal.key}`);
  }
  return created.id;
}

async function newDocumentImage(documentId: number): Promise<number> {
  const added = await addDocumentImage(
    getDb(),
    f.conferenceId,
    documentId,
    { bytes: await pngBytes(), caption: "Toàn cảnh hội nghị" },
    documentActor(),
  );
  if (!added.ok) throw new Error(`document image: ${added.refusal.key}`);
  return added.imageId;
}

/** The editor's form (admin.documents.new and :id), as DocumentForm posts it. */
const documentForm = (extra: Record<string, string | number> = {}) =>
  fields({
    intent: "save",
    title: "Bài phát biểu kiểm tra quyền (đã sửa)",
    kind: "speech",
    language: "vi",
    sessionId: "",
    authorRegistrationId: "",
    authorName: "Nguyễn Văn Diễn Giả",
    position: 0,
    body: SPEECH,
    ...extra,
  });

const isImage = (_actor: ActorKey, _body: string, response: Response) =>
  response.headers.get("Content-Type")?.startsWith("image/")
    ? null
    : `not an image: ${response.headers.get("Content-Type")}`;

/** A session's summary: its rapporteur (Bắc Giang's delegate) and staff; no one else, Lạng Sơn's rapporteur of another session neither. */
const summarySpec = (o: Outcome): Spec => ({ anon: "login", signedIn: "403", approved: o, staff: o });
const summaryForm = (intent: string, extra: Record<string, string> = {}) =>
  fields({ intent, language: "vi", body: "Phiên thảo luận đã thống nhất **ba** nhóm giải pháp.", ...extra });

/** The builder's form as the page posts it: the current settings, every section in the page's order, the ticked ones. */
async function builderForm(intent: string, extra: Record<string, string> = {}): Promise<Fields> {
  const settings = (await getBookSettings(getDb(), f.conferenceId))!;
  const out = fields({
    intent,
    title: settings.title,
    subtitle: settings.subtitle,
    editionLabel: settings.editionLabel,
    theme: settings.theme,
    datesLabel: settings.datesLabel,
    venue: settings.venue,
    publisher: settings.publisher,
    foreword: settings.foreword,
    language: settings.language,
    ...extra,
  });
  const order = [...settings.sections, ...PROCEEDINGS_SECTIONS.filter((s) => !settings.sections.includes(s))];
  for (const s of order) out.push(["order", s]);
  for (const s of settings.sections) out.push(["sections", s]);
  return out;
}

/** A move's answer: saved, with `first` before `then` in the order. */
function movedBefore(body: string, first: string, then: string): string | null {
  const answer = JSON.parse(body) as { saved?: boolean; order?: string[] };
  const order = answer.order ?? [];
  return answer.saved && order.indexOf(first) >= 0 && order.indexOf(first) < order.indexOf(then)
    ? null
    : `saved ${String(answer.saved)}, order ${order.join(",")}`;
}

/** A generation the runner never picks up, so that one is "running" for the 409 row (failed once the row is done). */
let stuckBook = 0;
async function bookRunning(): Promise<void> {
  if (stuckBook) return;
  await jobsSettled();
  const started = await startJob(getDb(), {
    kind: PROCEEDINGS_JOB,
    conferenceId: f.conferenceId,
    input: { language: "vi" },
    actor: { id: as("organiser").userId, ip: null },
    run: false,
  });
  if (!started.ok) throw new Error(`book job refused: ${JSON.stringify(started.refusal)}`);
  stuckBook = started.job.id;
}

const ROWS: Row[] = [
  // Public pages.
  { route: "/", method: "loader", expect: everyone() },
  { route: "/healthz", method: "loader", expect: everyone() },
  // The messages' scripts (the pages' texts): public, whoever asks.
  {
    route: "/i18n/:file",
    method: "loader",
    params: () => ({ file: `vi.agenda.${bundleScript("vi.agenda")!.hash}.js` }),
    expect: everyone(),
  },
  { route: "/programme", method: "loader", expect: everyone() },
  { route: "/programme.ics", method: "loader", expect: everyone() },
  { route: "/programme.pdf", method: "loader", expect: everyone() },
  { route: "/forgot-password", method: "loader", expect: everyone() },
  {
    route: "/forgot-password",
    method: "action",
    form: (c) => fields({ email: c.actor.email ?? "khach-quen-mat-khau@tinh.gov.vn" }),
    expect: everyone("→/forgot-password?sent=1"),
  },
  { route: "/invite/:token", method: "loader", params: () => ({ token: f.inviteToken }), expect: everyone() },
  {
    // Each follows a fresh link of their own: the link is the proof, whoever holds it.
    route: "/invite/:token",
    method: "action",
    params: async () => {
      inviteCount += 1;
      const email = `theo-loi-moi-${inviteCount}@tinh.gov.vn`;
      return {
        token: (
          await getDb()
            .transaction()
            .execute((trx) =>
              issueInvitation(trx, {
                email,
                fullName: "Người theo lời mời",
                role: "delegate",
                organisationId: null,
                invitedBy: null,
              }),
            )
        ).token,
      };
    },
    form: () => fields({ password: PASSWORD, confirm: PASSWORD }),
    expect: everyone("→/"),
  },
  // A personal join link opens for whoever holds it (the session has not started: the "early" page).
  { route: "/join/:token", method: "loader", params: () => ({ token: f.joinToken }), expect: everyone() },
  { route: "/language", method: "loader", expect: everyone("→/") },
  {
    route: "/language",
    method: "action",
    form: () => fields({ locale: "vi", redirectTo: "/programme" }),
    expect: everyone("→/programme"),
  },
  // Already signed in: an organiser goes to the dashboard, everyone else home.
  { route: "/login", method: "loader", expect: { anon: "ok", signedIn: "→/", organiser: "→/admin/dashboard" } },
  {
    route: "/login",
    method: "action",
    form: (c) =>
      c.actor.email && c.actor.password
        ? fields({ email: c.actor.email, password: c.actor.password })
        : fields({ email: as("exhibitor").email!, password: as("exhibitor").password! }),
    expect: { all: "→/", organiser: "→/admin/dashboard" },
  },
  { route: "/logout", method: "loader", expect: everyone("→/") },
  { route: "/logout", method: "action", fresh: true, expect: { anon: "login", signedIn: "→/login?loggedOut=1" } },
  // Registering: the form, the own registration, the badge.
  {
    route: "/register",
    method: "loader",
    expect: {
      anon: "ok",
      pending: "→/my-registration",
      approved: "→/my-registration",
      otherOrg: "→/my-registration",
      head: "→/my-registration",
      exhibitor: "ok",
      staff: "ok",
    },
  },
  { route: "/organisations", method: "loader", expect: signedIn() },
  { route: "/account", method: "loader", expect: signedIn() },
  {
    route: "/account",
    method: "action",
    intent: "profile",
    form: async (c) => {
      const name = c.actor.userId
        ? (
            await getDb()
              .selectFrom("users")
              .select("full_name")
              .where("id", "=", c.actor.userId)
              .executeTakeFirstOrThrow()
          ).full_name
        : "Khách";
      return fields({ intent: "profile", fullName: name, locale: "vi", timeZone: "" });
    },
    expect: signedIn(),
  },
  {
    route: "/account",
    method: "action",
    intent: "password",
    form: (c) =>
      fields({
        intent: "password",
        currentPassword: c.actor.password ?? "Mật khẩu đoán thử 1",
        password: c.actor.password ?? "Mật khẩu đoán thử 1",
        confirm: c.actor.password ?? "Mật khẩu đoán thử 1",
      }),
    expect: signedIn(),
  },
  {
    route: "/account",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: signedIn("400 errors.unknownIntent"),
  },
  { route: "/my-registration", method: "loader", expect: signedIn() },
  {
    route: "/my-registration",
    method: "action",
    intent: "update",
    form: ownEdit,
    expect: { ...signedIn(), exhibitor: "404", staff: "404" },
  },
  {
    route: "/my-registration",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: signedIn("400 errors.unknownIntent"),
  },
  {
    route: "/my-registration",
    method: "action",
    intent: "mode",
    form: async (c) =>
      fields({ intent: "mode", mode: (c.actor.userId && (await registrationOf(c.actor.userId))?.mode) || "online" }),
    expect: { ...signedIn(), exhibitor: "404", staff: "404" },
  },
  {
    route: "/my-registration/badge.pdf",
    method: "loader",
    expect: {
      anon: "login",
      pending: "404",
      approved: "ok",
      otherOrg: "ok",
      head: "ok",
      exhibitor: "404",
      staff: "404",
    },
  },
  // The programme: signing up is for anyone with a registration (pending or approved).
  {
    route: "/programme",
    method: "action",
    intent: "signUp",
    form: () => fields({ intent: "signUp", sessionId: f.signupSessionId }),
    expect: { ...signedIn(), exhibitor: "409 agenda.signup.notRegistered", staff: "409 agenda.signup.notRegistered" },
  },
  {
    route: "/programme",
    method: "action",
    intent: "cancel",
    form: () => fields({ intent: "cancel", sessionId: f.signupSessionId }),
    expect: { ...signedIn(), exhibitor: "400 programme.notSignedUp", staff: "400 programme.notSignedUp" },
  },
  // Adding a session without sign-up to My agenda, or taking it off: the same people as signing up.
  {
    route: "/programme",
    method: "action",
    intent: "favourite",
    form: () => fields({ intent: "favourite", sessionId: f.favouriteSessionId }),
    expect: {
      ...signedIn(),
      exhibitor: "409 agenda.favourite.notRegistered",
      staff: "409 agenda.favourite.notRegistered",
    },
  },
  {
    route: "/programme",
    method: "action",
    intent: "unfavourite",
    form: async (c) => {
      if (c.actor.userId && (await registrationOf(c.actor.userId)))
        await addFavourite(c.actor.userId, f.conferenceId, f.favouriteSessionId);
      return fields({ intent: "unfavourite", sessionId: f.favouriteSessionId });
    },
    expect: {
      ...signedIn(),
      exhibitor: "409 agenda.favourite.notRegistered",
      staff: "409 agenda.favourite.notRegistered",
    },
  },
  {
    route: "/programme",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent", sessionId: f.signupSessionId }),
    expect: signedIn("400 errors.unknownIntent"),
  },
  {
    route: "/my-agenda",
    method: "loader",
    expect: signedIn(),
    // The placed Lạng Sơn–Japan meeting is on the agendas of those who speak for either party only.
    check: (actor, body) => {
      const n = (JSON.parse(body) as { meetings: unknown[] }).meetings.length;
      const want = actor === "otherOrg" || actor === "head" ? 1 : 0;
      return n === want ? null : `${n} meetings on the agenda, expected ${want}`;
    },
  },
  {
    route: "/my-agenda",
    method: "action",
    intent: "cancel",
    form: async (c) => {
      if (c.actor.userId && (await registrationOf(c.actor.userId)))
        await signUp(c.actor.userId, f.conferenceId, f.signupSessionId, null);
      return fields({ intent: "cancel", sessionId: f.signupSessionId });
    },
    expect: { ...signedIn(), exhibitor: "400 programme.notSignedUp", staff: "400 programme.notSignedUp" },
  },
  {
    route: "/my-agenda",
    method: "action",
    intent: "unfavourite",
    form: async (c) => {
      if (c.actor.userId && (await registrationOf(c.actor.userId)))
        await addFavourite(c.actor.userId, f.conferenceId, f.favouriteSessionId);
      return fields({ intent: "unfavourite", sessionId: f.favouriteSessionId });
    },
    expect: {
      ...signedIn(),
      exhibitor: "409 agenda.favourite.notRegistered",
      staff: "409 agenda.favourite.notRegistered",
    },
  },
  {
    route: "/my-agenda",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent", sessionId: f.signupSessionId }),
    expect: signedIn("400 errors.unknownIntent"),
  },
  {
    route: "/my-agenda.ics",
    method: "loader",
    expect: signedIn(),
    check: (actor, body) => {
      const has = body.replace(/\r\n[ \t]/g, "").includes(`UID:meeting-${f.meetingId}@`);
      const want = actor === "otherOrg" || actor === "head";
      return has === want ? null : `the Lạng Sơn–Japan meeting is ${has ? "" : "not "}in the calendar`;
    },
  },

  // Bilateral meetings (decision 011): the page opens for everyone signed in and shows an
  // organisation's requests only to who speaks for it; each act is the organisation's.
  {
    route: "/meetings",
    method: "loader",
    expect: signedIn(),
    check: (actor, body) => {
      const page = JSON.parse(body) as {
        mayAct: boolean;
        refusal: string | null;
        sent: unknown[];
        received: unknown[];
        placed: unknown[];
      };
      const acts = actor === "approved" || actor === "otherOrg" || actor === "head";
      if (page.mayAct !== acts) return `mayAct is ${page.mayAct}`;
      if (!acts && (page.sent.length || page.received.length || page.placed.length))
        return "someone without authority sees the organisation's requests or meetings";
      const refusal =
        {
          pending: "meetings.errors.notApproved",
          exhibitor: "meetings.errors.noOrganisation",
          secretariat: "meetings.errors.noOrganisation",
          organiser: "meetings.errors.noOrganisation",
        }[actor as string] ?? null;
      return page.refusal === refusal ? null : `refusal is ${page.refusal}, expected ${refusal}`;
    },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "request",
    form: () =>
      fields({
        intent: "request",
        toOrganisationId: f.us,
        sector: "Thương mại",
        ask: "Đưa vải thiều vào chuỗi siêu thị",
        priority: "2",
      }),
    expect: {
      anon: "login",
      ...meetingRefusals("meetings.errors.notApproved"),
      approved: "ok",
      otherOrg: "ok",
      head: "400 meetings.errors.pairNotAllowed",
    },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "answer",
    form: () => fields({ intent: "answer", requestId: f.pendingToJapan, decision: "accept", reason: "" }),
    expect: {
      anon: "login",
      ...meetingRefusals("meetings.errors.notYours"),
      approved: "403 meetings.errors.notYours",
      otherOrg: "403 meetings.errors.notYours",
      head: "ok",
    },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "withdraw",
    form: () => fields({ intent: "withdraw", requestId: f.requestFromBg }),
    expect: {
      anon: "login",
      ...meetingRefusals("meetings.errors.notApproved"),
      approved: "ok",
      otherOrg: "403 meetings.errors.notYourRequest",
      head: "403 meetings.errors.notYourRequest",
    },
  },
  {
    // A province neither caps nor describes its meetings: only the asked side does.
    route: "/meetings",
    method: "action",
    intent: "max",
    form: () => fields({ intent: "max", maxMeetings: "" }),
    expect: {
      anon: "login",
      ...meetingRefusals("meetings.errors.notApproved"),
      approved: "403 error.forbidden.title",
      otherOrg: "403 error.forbidden.title",
      head: "ok",
    },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "sectors",
    form: () => fields({ intent: "sectors", sectors: "Nông nghiệp, Đầu tư, Lao động, Du lịch" }),
    expect: {
      anon: "login",
      ...meetingRefusals("meetings.errors.notApproved"),
      approved: "403 error.forbidden.title",
      otherOrg: "403 error.forbidden.title",
      head: "ok",
    },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "availability",
    form: async () => [["intent", "availability"], ...(await allSlotIds())],
    expect: {
      anon: "login",
      ...meetingRefusals("meetings.errors.notApproved"),
      approved: "ok",
      otherOrg: "ok",
      head: "ok",
    },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "outcome",
    form: () =>
      fields({
        intent: "outcome",
        meetingId: f.meetingId,
        outcome: "Hai bên thống nhất lộ trình xuất khẩu",
        followUp: "",
      }),
    expect: { anon: "login", signedIn: "403 meetingsDelegate.errors.notParty", otherOrg: "ok", head: "ok" },
  },
  {
    route: "/meetings",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: signedIn("400 errors.unknownIntent"),
  },

  // Staff pages: what the secretariat reads, what only organisers change.
  { route: "/admin/dashboard", method: "loader", expect: staffOnly() },
  { route: "/admin/delegates", method: "loader", expect: staffOnly() },
  {
    route: "/admin/delegates/:id",
    method: "loader",
    params: () => ({ id: String(f.lsRegistrationId) }),
    expect: staffOnly(),
  },
  {
    route: "/admin/delegates/:id/badge.pdf",
    method: "loader",
    params: () => ({ id: String(f.bgRegistrationId) }),
    expect: staffOnly(),
  },
  { route: "/admin/delegates/export.csv", method: "loader", expect: staffOnly() },
  { route: "/admin/delegates/template.csv", method: "loader", expect: organiserOnly() },
  { route: "/admin/delegates/import", method: "loader", expect: organiserOnly() },
  { route: "/admin/badges.pdf", method: "loader", expect: staffOnly() },
  { route: "/admin/badges/batch", method: "loader", expect: staffOnly() },
  {
    route: "/admin/badges/batch",
    method: "action",
    intent: "start",
    // Each start after the previous batch has finished (a second one while it runs is a 409, tested elsewhere).
    form: async () => {
      await jobsSettled();
      return fields({ intent: "start" });
    },
    expect: staffOnly("→/admin/badges/batch"),
    after: jobsSettled,
  },
  {
    route: "/jobs/:id",
    method: "loader",
    params: async () => ({ id: String(await finishedBadgeJob()) }),
    expect: { anon: "login", signedIn: "404", staff: "ok" },
  },
  {
    route: "/jobs/:id/result",
    method: "loader",
    params: async () => ({ id: String(await finishedBadgeJob()) }),
    expect: { anon: "login", signedIn: "404", staff: "ok" },
  },
  { route: "/admin/checkin", method: "loader", expect: organiserOnly() },
  { route: "/admin/checkin/counts", method: "loader", expect: organiserOnly() },
  { route: "/admin/outbox", method: "loader", expect: staffOnly() },
  { route: "/admin/people", method: "loader", expect: staffOnly() },
  { route: "/admin/audit", method: "loader", expect: organiserOnly() },
  { route: "/admin/quotas", method: "loader", expect: organiserOnly() },
  { route: "/admin/rooms", method: "loader", expect: organiserOnly() },
  { route: "/admin/conference", method: "loader", expect: organiserOnly() },
  { route: "/admin/agenda", method: "loader", expect: organiserOnly() },
  {
    route: "/admin/agenda/:id",
    method: "loader",
    params: () => ({ id: String(f.sessionId) }),
    expect: organiserOnly(),
  },
  { route: "/admin/meetings", method: "loader", expect: organiserOnly() },
  {
    // The scheduler's preview is the page's GET form (it writes nothing), answered by the loader.
    route: "/admin/meetings",
    method: "loader",
    intent: "preview",
    query: () => `?session=${f.blockSessionId}&preview=1`,
    expect: organiserOnly(),
    check: (_actor, body) =>
      (JSON.parse(body) as { preview: { meetings: string } | null }).preview?.meetings ? null : "no preview",
  },
  { route: "/admin/meetings/settings", method: "loader", expect: organiserOnly() },
  {
    route: "/admin/meetings/parties/:id",
    method: "loader",
    params: () => ({ id: String(f.jp) }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/meetings/requests/:id",
    method: "loader",
    params: () => ({ id: String(f.placeRequestId) }),
    expect: organiserOnly(),
  },
  { route: "/admin/meetings/list.csv", method: "loader", expect: organiserOnly() },
  { route: "/admin/meetings/list.pdf", method: "loader", expect: organiserOnly() },
  { route: "/admin/meetings/schedule.pdf", method: "loader", expect: organiserOnly() },
  { route: "/admin/meetings/signs.pdf", method: "loader", expect: organiserOnly() },

  {
    route: "/admin/conference",
    method: "action",
    form: async () =>
      fields(
        (
          await jsonFrom<{ values: Record<string, string> }>("/admin/conference", "loader", {
            cookie: organiserCookie(),
          })
        ).values,
      ),
    expect: organiserOnly(),
  },
  {
    route: "/admin/quotas",
    method: "action",
    form: () => fields({ kind: "province", field: "kind-province", places: "" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/rooms",
    method: "action",
    intent: "save",
    form: () =>
      fields({
        intent: "save",
        nameVi: "Phòng họp 3",
        nameEn: "Meeting room 3",
        capacity: "40",
        streamUrl: "",
        notes: "",
      }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/rooms",
    method: "action",
    intent: "delete",
    form: () => fields({ intent: "delete", id: f.roomId }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/rooms",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/agenda",
    method: "action",
    intent: "unpublishAll",
    form: () => fields({ intent: "unpublishAll" }),
    expect: organiserOnly("→/admin/agenda"),
  },
  {
    route: "/admin/agenda",
    method: "action",
    intent: "publishAll",
    form: () => fields({ intent: "publishAll" }),
    expect: organiserOnly("→/admin/agenda"),
  },
  {
    route: "/admin/agenda",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/agenda/:id",
    method: "action",
    intent: "save",
    params: () => ({ id: "new" }),
    form: () => sessionForm("save"),
    expect: organiserOnly("→/admin/agenda/"),
  },
  {
    route: "/admin/agenda/:id",
    method: "action",
    intent: "move",
    params: () => ({ id: String(f.sessionId) }),
    form: () => fields({ intent: "move", day: f.day1, startTime: "17:30", endTime: "18:00", roomId: "" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/agenda/:id",
    method: "action",
    intent: "publish",
    params: () => ({ id: String(f.sessionId) }),
    form: () => fields({ intent: "publish" }),
    expect: organiserOnly("→/admin/agenda/"),
  },
  {
    route: "/admin/agenda/:id",
    method: "action",
    intent: "unpublish",
    params: () => ({ id: String(f.sessionId) }),
    form: () => fields({ intent: "unpublish" }),
    expect: organiserOnly("→/admin/agenda/"),
  },
  {
    route: "/admin/agenda/:id",
    method: "action",
    intent: "?",
    params: () => ({ id: String(f.sessionId) }),
    form: () => fields({ intent: "not-an-intent" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/agenda/:id",
    method: "action",
    intent: "delete",
    params: () => ({ id: String(f.sessionId) }),
    form: () => fields({ intent: "delete" }),
    expect: organiserOnly("→/admin/agenda?day="),
  },
  {
    route: "/admin/delegates",
    method: "action",
    intent: "approve",
    form: () => fields({ intent: "approve", ids: f.approveTarget }),
    // Post/redirect/get: back to the list, without ?index.
    expect: organiserOnly("→/admin/delegates"),
  },
  {
    route: "/admin/delegates",
    method: "action",
    intent: "reject",
    form: () => fields({ intent: "reject", ids: f.rejectTarget }),
    expect: organiserOnly("→/admin/delegates"),
  },
  {
    route: "/admin/delegates",
    method: "action",
    intent: "approveOne",
    // A row's own button: one registration, one click.
    form: () => fields({ approveOne: f.approveTarget }),
    expect: organiserOnly("→/admin/delegates"),
  },
  {
    route: "/admin/delegates",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent", ids: f.rejectTarget }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/delegates/:id",
    method: "action",
    params: () => ({ id: String(f.lsRegistrationId) }),
    form: async () => {
      const r = await getDb()
        .selectFrom("registrations")
        .selectAll()
        .where("id", "=", f.lsRegistrationId)
        .executeTakeFirstOrThrow();
      return fields({
        honorific: r.honorific,
        fullName: r.full_name,
        position: r.position,
        organisationId: r.organisation_id,
        phone: r.phone,
        mode: r.mode,
        interpretation: r.interpretation,
        dietary: r.dietary,
        email: r.email,
        organiserNote: r.organiser_note,
        status: r.status,
        ...(r.consent_to_list ? { consentToList: "on" } : {}),
      });
    },
    expect: organiserOnly(),
  },
  {
    route: "/admin/delegates/import",
    method: "action",
    intent: "preview",
    multipart: () => {
      const form = new FormData();
      form.append("intent", "preview");
      form.append("file", csvFile());
      return form;
    },
    expect: organiserOnly(),
  },
  {
    route: "/admin/delegates/import",
    method: "action",
    intent: "commit",
    multipart: async (c) => {
      const form = new FormData();
      form.append("intent", "commit");
      if (c.actor.key === "organiser") {
        const preview = new FormData();
        preview.append("intent", "preview");
        preview.append("file", csvFile());
        const seen = (await (
          await hit("/admin/delegates/import", "action", { cookie: c.cookie, multipart: preview })
        ).json()) as { content: string; digest: string; plan: string };
        form.append("content", seen.content);
        form.append("digest", seen.digest);
        form.append("plan", seen.plan);
      } else {
        form.append("content", Buffer.from(toCsvBytes(templateRows("vi"))).toString("base64"));
        form.append("digest", "0".repeat(64));
        form.append("plan", "0".repeat(64));
      }
      return form;
    },
    expect: organiserOnly(),
  },
  {
    route: "/admin/delegates/import",
    method: "action",
    intent: "?",
    multipart: () => {
      const form = new FormData();
      form.append("intent", "not-an-intent");
      return form;
    },
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/checkin",
    method: "action",
    intent: "code",
    form: () => fields({ intent: "code", code: DEMO_BADGE_CODE, source: "typed" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/checkin",
    method: "action",
    intent: "checkin",
    form: () => fields({ intent: "checkin", registrationId: f.lsRegistrationId }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/checkin",
    method: "action",
    intent: "undo",
    form: () => fields({ intent: "undo", registrationId: f.bgRegistrationId }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/checkin",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent", registrationId: f.bgRegistrationId }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  // Without SMTP settings, "Send now" says so (to the organiser only).
  {
    route: "/admin/outbox",
    method: "action",
    intent: "send",
    form: () => fields({ intent: "send" }),
    expect: organiserOnly(smtpStatus().configured ? "ok" : "400 mailer.notConfiguredError"),
  },
  {
    route: "/admin/outbox",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "invite",
    form: () =>
      fields({
        intent: "invite",
        fullName: "Vũ Thị Mời",
        email: "vu-thi-moi@bo-ngoai-giao.gov.vn",
        role: "secretariat",
        organisationId: "",
      }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "disable",
    form: () => fields({ intent: "disable", userId: f.disableTarget }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "enable",
    form: () => fields({ intent: "enable", userId: f.disableTarget }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "head",
    form: () => fields({ intent: "head", userId: f.headTarget }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "unhead",
    form: () => fields({ intent: "unhead", userId: f.headTarget }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "revoke",
    form: () => fields({ intent: "revoke", invitationId: f.revokeInvitationId }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/people",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent", userId: f.disableTarget }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/meetings/settings",
    method: "action",
    intent: "settings",
    form: async () => {
      const page = await jsonFrom<{ settings: Record<string, string>; pairs: Array<[string, string]> }>(
        "/admin/meetings/settings",
        "loader",
        { cookie: organiserCookie() },
      );
      return [
        ["intent", "settings"],
        ["session", String(f.blockSessionId)],
        ...fields(page.settings),
        ...page.pairs.map(([a, b]): [string, string] => [`pair.${a}.${b}`, "on"]),
      ];
    },
    expect: organiserOnly(),
  },
  {
    route: "/admin/meetings/settings",
    method: "action",
    intent: "tables",
    form: async () => {
      const page = await jsonFrom<{ tables: Array<{ id: number; label: string; room_id: number | null }> }>(
        "/admin/meetings/settings",
        "loader",
        { cookie: organiserCookie() },
      );
      return [
        ["intent", "tables"],
        ["session", String(f.blockSessionId)],
        ...page.tables.flatMap((t): Fields => [
          [`label.${t.id}`, t.label],
          [`room.${t.id}`, t.room_id === null ? "" : String(t.room_id)],
        ]),
      ];
    },
    expect: organiserOnly(),
  },
  {
    route: "/admin/meetings/settings",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    // Posted without an intent, as before the page's form named it: read as an answer.
    route: "/admin/meetings/parties/:id",
    method: "action",
    intent: "answer",
    params: () => ({ id: String(f.jp) }),
    form: () => fields({ requestId: f.pendingToJapanOnBehalf, decision: "accept", reason: "" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/meetings/parties/:id",
    method: "action",
    intent: "?",
    params: () => ({ id: String(f.jp) }),
    form: () =>
      fields({ intent: "not-an-intent", requestId: f.pendingToJapanOnBehalf, decision: "accept", reason: "" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/meetings/requests/:id",
    method: "action",
    intent: "place",
    params: () => ({ id: String(f.placeRequestId) }),
    form: () => fields({ intent: "place", slotId: f.placeSlotId, tableId: f.placeTableId }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/meetings/requests/:id",
    method: "action",
    intent: "video",
    params: () => ({ id: String(f.placeRequestId) }),
    form: () => fields({ intent: "video", videoUrl: "https://hop-truc-tuyen.ngoaivu.test/phong-12" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/meetings/requests/:id",
    method: "action",
    intent: "?",
    params: () => ({ id: String(f.placeRequestId) }),
    form: () => fields({ intent: "not-an-intent" }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/meetings/requests/:id",
    method: "action",
    intent: "unplace",
    params: () => ({ id: String(f.placeRequestId) }),
    form: () => fields({ intent: "unplace" }),
    expect: organiserOnly("→/admin/meetings?removed=1"),
  },
  {
    route: "/admin/meetings",
    method: "action",
    intent: "create",
    form: () =>
      fields({
        intent: "create",
        session: f.newBlockSessionId,
        slotMinutes: "20",
        gapMinutes: "10",
        tableCount: "4",
        requestsCloseAt: "",
        answersCloseAt: "",
        maxRequests: "",
        "pair.province.mission": "on",
      }),
    expect: organiserOnly("→/admin/meetings?session="),
  },
  {
    route: "/admin/meetings",
    method: "action",
    intent: "lock",
    form: () => fields({ intent: "lock", session: f.blockSessionId, meetingId: f.meetingId }),
    expect: organiserOnly("→/admin/meetings?session="),
  },
  {
    route: "/admin/meetings",
    method: "action",
    intent: "unlock",
    form: () => fields({ intent: "unlock", session: f.blockSessionId, meetingId: f.meetingId }),
    expect: organiserOnly("→/admin/meetings?session="),
  },
  {
    route: "/admin/meetings",
    method: "action",
    intent: "commit",
    form: async (c) => {
      const meetings =
        c.actor.key === "organiser"
          ? (
              await jsonFrom<{ preview: { meetings: string } }>("/admin/meetings", "loader", {
                cookie: c.cookie,
                query: `?session=${f.blockSessionId}&preview=1`,
              })
            ).preview.meetings
          : "[]";
      return fields({ intent: "commit", session: f.blockSessionId, meetings });
    },
    expect: organiserOnly("→/admin/meetings?session="),
  },
  {
    route: "/admin/meetings",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent", session: f.blockSessionId }),
    expect: organiserOnly("400 errors.unknownIntent"),
  },

  // The exhibition (issue 13): the plan and catalogue for everyone signed in (the public once
  // published), an exhibitor's own application, and the organisers' desk, plan and decisions
  // (the secretariat reads them). Who may see a photo follows its application.
  { route: "/exhibition", method: "loader", expect: signedIn() },
  {
    route: "/exhibition/exhibitors/:id",
    method: "loader",
    intent: "approved",
    params: () => ({ id: String(f.allocatedExhibitor) }),
    expect: signedIn(),
  },
  {
    route: "/exhibition/exhibitors/:id",
    method: "loader",
    intent: "submitted",
    params: () => ({ id: String(f.ownApplication) }),
    // Not approved: no one but its exhibitor and staff learns it exists, not even by a sign-in prompt.
    expect: { anon: "404", signedIn: "404", exhibitor: "ok", staff: "ok" },
  },
  { route: "/exhibition/catalogue.pdf", method: "loader", expect: { anon: "403", signedIn: "ok" } },
  {
    route: "/exhibition/photos/:id",
    method: "loader",
    params: () => ({ id: String(f.ownPhoto) }),
    expect: { all: "404", exhibitor: "ok", staff: "ok" },
  },
  { route: "/exhibition/apply", method: "loader", expect: exhibitorOnly() },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "save",
    form: () => ownApplicationForm("save"),
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "submit",
    form: () => ownApplicationForm("submit"),
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "add-product",
    form: () => productForm("add-product"),
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "update-product",
    form: () => productForm("update-product", { productId: f.ownProduct }),
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "delete-product",
    form: () => fields({ intent: "delete-product", productId: f.spareProduct }),
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "add-photo",
    multipart: async () => {
      const form = new FormData();
      form.append("intent", "add-photo");
      form.append("productId", String(f.ownProduct));
      form.append("caption", "");
      form.append("photo", new File([await pngBytes()], "vai-thieu.png", { type: "image/png" }));
      return form;
    },
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "delete-photo",
    form: () => fields({ intent: "delete-photo", photoId: f.sparePhoto }),
    expect: exhibitorOnly("→/exhibition/apply"),
  },
  {
    // No booth yet: there is nothing to change, so the exhibitor edits the application instead.
    route: "/exhibition/apply",
    method: "action",
    intent: "request-change",
    form: () => fields({ intent: "request-change", request: "Xin chuyển sang gian góc." }),
    expect: exhibitorOnly("409 exhibition.applications.errors.notAllocated"),
  },
  {
    route: "/exhibition/apply",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "dance" }),
    expect: exhibitorOnly("400"),
  },
  { route: "/admin/exhibition/applications", method: "loader", expect: staffOnly() },
  {
    route: "/admin/exhibition/applications/:id",
    method: "loader",
    params: () => ({ id: String(f.submittedOther) }),
    expect: staffOnly(),
  },
  {
    route: "/admin/exhibition/applications/:id",
    method: "action",
    intent: "answer",
    params: () => ({ id: String(f.submittedOther) }),
    form: () => fields({ intent: "answer", answer: "Đã xử lý." }),
    expect: organiserOnly("409"),
  },
  {
    route: "/admin/exhibition/applications/:id",
    method: "action",
    intent: "decide",
    params: () => ({ id: String(f.submittedOther) }),
    form: () => fields({ intent: "decide", decision: "approve", reason: "" }),
    expect: organiserOnly("→/admin/exhibition/applications/"),
  },
  { route: "/admin/exhibition", method: "loader", expect: staffOnly() },
  {
    // The allocator's preview is the desk's GET form: it writes nothing, and only organisers get one.
    route: "/admin/exhibition",
    method: "loader",
    intent: "preview",
    query: "?preview=1",
    expect: staffOnly(),
    check: (actor, body) => {
      const preview = (JSON.parse(body) as { preview: unknown }).preview;
      return (actor === "organiser") === Boolean(preview) ? null : `preview ${preview ? "shown" : "missing"}`;
    },
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "allocate",
    form: () => fields({ intent: "allocate", exhibitorId: f.handExhibitor, booth1: f.handBooth, booth2: "" }),
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "lock",
    form: () => fields({ intent: "lock", exhibitorId: f.allocatedExhibitor }),
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "unlock",
    form: () => fields({ intent: "unlock", exhibitorId: f.allocatedExhibitor }),
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "confirm",
    form: () => fields({ intent: "confirm", exhibitorId: f.allocatedExhibitor }),
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "release",
    form: () => fields({ intent: "release", exhibitorId: f.handExhibitor }),
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    // The organiser commits what the desk's preview proposed; the others post a plausible allocation.
    route: "/admin/exhibition",
    method: "action",
    intent: "commit",
    form: async (c) => {
      if (c.actor.key !== "organiser") return fields({ intent: "commit", allocations: "[]" });
      const { preview } = await jsonFrom<{ preview: { allocations: string } }>("/admin/exhibition", "loader", {
        cookie: c.cookie,
        query: "?preview=1",
      });
      return fields({ intent: "commit", allocations: preview.allocations });
    },
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "settings",
    form: () => fields({ intent: "settings", applicationsCloseAt: "" }),
    expect: organiserOnly("→/admin/exhibition"),
  },
  {
    route: "/admin/exhibition",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "dance" }),
    expect: organiserOnly("400"),
  },
  { route: "/admin/exhibition/signs.pdf", method: "loader", expect: staffOnly() },
  { route: "/admin/exhibition/exhibitors.csv", method: "loader", expect: staffOnly() },
  { route: "/admin/exhibition/plan", method: "loader", expect: staffOnly() },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "saveHall",
    form: () => hallForm("saveHall"),
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "saveObstacle",
    form: () =>
      fields({ intent: "saveObstacle", hallId: f.spareHall, kind: "door", x: 0, y: 8, w: 0.5, h: 2, label: "" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "saveBooth",
    form: () =>
      fields({
        intent: "saveBooth",
        hallId: f.spareHall,
        code: "Q-02",
        zone: "food",
        type: "standard",
        x: 8,
        y: 2,
        w: 3,
        h: 3,
        area: "",
        note: "",
      }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "moveBooth",
    form: () => fields({ intent: "moveBooth", id: f.spareBooth, x: 2, y: 6, w: 3, h: 3 }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "holdBooth",
    form: () => fields({ intent: "holdBooth", id: f.spareBooth, held: "1" }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "deleteObstacle",
    form: () => fields({ intent: "deleteObstacle", id: f.spareObstacle }),
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "deleteBooth",
    form: () => fields({ intent: "deleteBooth", id: f.spareBooth }),
    expect: organiserOnly(),
  },
  {
    // Hall Q still has the booths the rows above drew: refused with the reason, nothing deleted.
    route: "/admin/exhibition/plan",
    method: "action",
    intent: "deleteHall",
    form: () => fields({ intent: "deleteHall", id: f.spareHall }),
    expect: organiserOnly("409"),
  },
  { route: "/admin/exhibition/plan/template.csv", method: "loader", expect: organiserOnly() },
  { route: "/admin/exhibition/plan/import", method: "loader", expect: organiserOnly() },
  {
    route: "/admin/exhibition/plan/import",
    method: "action",
    intent: "preview",
    multipart: () => {
      const form = new FormData();
      form.append("intent", "preview");
      form.append("file", boothCsv());
      return form;
    },
    expect: organiserOnly(),
  },
  {
    route: "/admin/exhibition/plan/import",
    method: "action",
    intent: "commit",
    multipart: async (c) => {
      const form = new FormData();
      form.append("intent", "commit");
      if (c.actor.key === "organiser") {
        const preview = new FormData();
        preview.append("intent", "preview");
        preview.append("file", boothCsv());
        const seen = (await (
          await hit("/admin/exhibition/plan/import", "action", { cookie: c.cookie, multipart: preview })
        ).json()) as { content: string; digest: string };
        form.append("content", seen.content);
        form.append("digest", seen.digest);
      } else {
        form.append("content", Buffer.from(await boothCsv().arrayBuffer()).toString("base64"));
        form.append("digest", "0".repeat(64));
      }
      return form;
    },
    expect: organiserOnly(),
  },
  {
    // Last of the exhibition: the demo exhibitor withdraws (the rows above rely on a live application).
    route: "/exhibition/apply",
    method: "action",
    intent: "withdraw",
    form: () => fields({ intent: "withdraw" }),
    expect: exhibitorOnly("→/exhibition/apply"),
  },

  // The agreements registry (issue 14): staff see and change every agreement; a delegate with
  // authority for a province or ministry only their own organisation's (another's does not exist,
  // even by id); without authority a page says how to get it.
  {
    route: "/agreements",
    method: "loader",
    expect: agreementSpec("ok"),
    check: (actor, body) => {
      // Bắc Giang's delegate Bắc Giang's only, Lạng Sơn's Lạng Sơn's, staff both.
      const parties = [...listedParties(body)].sort().join(",");
      const own = actor === "approved" ? `${f.bg}` : actor === "otherOrg" ? `${f.ls}` : [f.bg, f.ls].sort().join(",");
      return parties === own ? null : `lists the agreements of organisations ${parties}, not ${own}`;
    },
  },
  { route: "/agreements/new", method: "loader", expect: agreementSpec("ok") },
  {
    route: "/agreements/new",
    method: "action",
    intent: "save",
    form: (c) => agreementForm("save", c),
    expect: agreementSpec("→/agreements/"),
    after: async () => {
      // Each delegate's agreement is their own organisation's, whatever they posted.
      const made = await getDb()
        .selectFrom("agreements")
        .select(["created_by", "organisation_id"])
        .where("title", "=", "Thỏa thuận hợp tác thương mại nông sản")
        .execute();
      const of = (key: ActorKey) => made.filter((a) => a.created_by === as(key).userId).map((a) => a.organisation_id);
      expect(of("approved")).toEqual([f.bg]);
      expect(of("otherOrg")).toEqual([f.ls]);
      expect(of("secretariat")).toEqual([f.bg]);
      expect(of("organiser")).toEqual([f.bg]);
    },
  },
  {
    route: "/agreements/new",
    method: "action",
    intent: "save (invalid)",
    form: (c) => agreementForm("save", c, { title: "", countryCode: "VN" }),
    expect: agreementSpec("400"),
  },
  {
    route: "/agreements/:id",
    method: "loader",
    params: () => ({ id: String(f.bgAgreement) }),
    expect: agreementSpec("ok", "404"),
  },
  {
    route: "/agreements/:id",
    method: "action",
    intent: "save",
    params: () => ({ id: String(f.bgAgreement) }),
    form: (c) => agreementForm("save", c, { title: "Bản ghi nhớ kiểm tra quyền (đã sửa)" }),
    expect: agreementSpec("→/agreements/", "404"),
  },
  {
    // The form is checked before the agreement is looked for: Lạng Sơn's delegate gets the 400 too.
    route: "/agreements/:id",
    method: "action",
    intent: "save (invalid)",
    params: () => ({ id: String(f.bgAgreement) }),
    form: (c) => agreementForm("save", c, { title: "" }),
    expect: agreementSpec("400"),
  },
  {
    // Each moves a fresh draft of its own to "sent for opinion".
    route: "/agreements/:id",
    method: "action",
    intent: "move",
    params: async () => ({ id: String(await newAgreement()) }),
    form: () => fields({ intent: "move", target: "sent_for_opinion", sent_for_opinion_on: todayThere() }),
    expect: agreementSpec("→/agreements/", "404"),
  },
  {
    route: "/agreements/:id",
    method: "action",
    intent: "move (invalid)",
    params: () => ({ id: String(f.bgAgreement) }),
    form: () => fields({ intent: "move", target: "archived" }),
    expect: agreementSpec("400"),
  },
  {
    // A step back is a correction by staff, each on a fresh agreement sent for opinion.
    route: "/agreements/:id",
    method: "action",
    intent: "back",
    params: async () => ({ id: String(await newAgreement("sent_for_opinion")) }),
    form: () => fields({ intent: "back" }),
    expect: {
      ...agreementSpec("→/agreements/", "404"),
      approved: "403 proceedings.agreements.errors.backByStaff",
    },
  },
  {
    // Each deletes a fresh draft of its own.
    route: "/agreements/:id",
    method: "action",
    intent: "delete",
    params: async () => ({ id: String(await newAgreement()) }),
    form: () => fields({ intent: "delete" }),
    expect: agreementSpec("→/agreements", "404"),
  },
  {
    route: "/agreements/:id",
    method: "action",
    intent: "delete (sent)",
    params: () => ({ id: String(f.sentAgreement) }),
    form: () => fields({ intent: "delete" }),
    expect: agreementSpec("409 proceedings.agreements.errors.deleteDraftOnly", "404"),
  },
  {
    // The intent is read before the authority: everyone signed in gets the same 400.
    route: "/agreements/:id",
    method: "action",
    intent: "?",
    params: () => ({ id: String(f.bgAgreement) }),
    form: () => fields({ intent: "not-an-intent" }),
    expect: signedIn("400 errors.unknownIntent"),
  },
  {
    route: "/agreements.csv",
    method: "loader",
    expect: staffOnly(),
    check: (_actor, _body, response) =>
      response.headers.get("Content-Type")?.startsWith("text/csv")
        ? null
        : `not CSV: ${response.headers.get("Content-Type")}`,
  },

  // The printed matter (issue 14): whoever may print badges. The whole-conference prints are
  // jobs (one of a kind at a time: each start after the last has finished); one session's sheet
  // or head table's plates are drawn in the request.
  { route: "/admin/prints", method: "loader", expect: staffOnly() },
  {
    route: "/admin/prints",
    method: "action",
    intent: "participants",
    form: async () => {
      await jobsSettled();
      return fields({ intent: "participants" });
    },
    expect: staffOnly("→/admin/prints"),
    after: printJobsDone(PARTICIPANT_LIST_JOB),
  },
  {
    route: "/admin/prints",
    method: "action",
    intent: "plates",
    form: async () => {
      await jobsSettled();
      return fields({ intent: "plates", who: "all" });
    },
    expect: staffOnly("→/admin/prints"),
    after: printJobsDone(NAME_PLATES_JOB),
  },
  {
    route: "/admin/prints",
    method: "action",
    intent: "sheets",
    form: async () => {
      await jobsSettled();
      return fields({ intent: "sheets", scope: "all" });
    },
    expect: staffOnly("→/admin/prints"),
    after: printJobsDone(SIGN_IN_SHEETS_JOB),
  },
  {
    route: "/admin/prints",
    method: "action",
    intent: "?",
    form: () => fields({ intent: "not-an-intent" }),
    expect: staffOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/prints/sheet.pdf",
    method: "loader",
    query: () => `?session=${f.headTableSession}`,
    expect: staffOnly(),
    check: isPdf,
  },
  {
    route: "/admin/prints/plates.pdf",
    method: "loader",
    query: () => `?session=${f.headTableSession}`,
    expect: staffOnly(),
    check: isPdf,
  },

  // Documents for staff (issue 14): whoever may update documents; drafts and finals alike.
  { route: "/admin/documents", method: "loader", expect: staffOnly() },
  { route: "/admin/documents/new", method: "loader", expect: staffOnly() },
  {
    route: "/admin/documents/new",
    method: "action",
    intent: "save",
    form: () => documentForm({ title: "Bài phát biểu mới kiểm tra quyền" }),
    expect: staffOnly("→/admin/documents/"),
  },
  {
    route: "/admin/documents/new",
    method: "action",
    intent: "save (invalid)",
    form: () => documentForm({ title: "" }),
    expect: staffOnly("400"),
  },
  {
    // One summary per session and language: the session's Vietnamese one exists.
    route: "/admin/documents/new",
    method: "action",
    intent: "save (summary exists)",
    form: () => documentForm({ kind: "summary", sessionId: f.publicSession }),
    expect: staffOnly("409 proceedings.documents.errors.summaryExists"),
  },
  {
    route: "/admin/documents/:id",
    method: "loader",
    params: () => ({ id: String(f.document) }),
    expect: staffOnly(),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "save",
    params: () => ({ id: String(f.document) }),
    form: () => documentForm(),
    expect: staffOnly("→/admin/documents/"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "save (invalid)",
    params: () => ({ id: String(f.document) }),
    form: () => documentForm({ kind: "memoir" }),
    expect: staffOnly("400"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "save (summary exists)",
    params: () => ({ id: String(f.document) }),
    form: () => documentForm({ kind: "summary", sessionId: f.publicSession }),
    expect: staffOnly("409 proceedings.documents.errors.summaryExists"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "finalise",
    params: () => ({ id: String(f.document) }),
    form: () => fields({ intent: "finalise" }),
    expect: staffOnly("→/admin/documents/"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "finalise (empty)",
    params: () => ({ id: String(f.emptyDocument) }),
    form: () => fields({ intent: "finalise" }),
    expect: staffOnly("400 proceedings.documents.errors.emptyBody"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "reopen",
    params: () => ({ id: String(f.document) }),
    form: () => fields({ intent: "reopen" }),
    expect: staffOnly("→/admin/documents/"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "reopen (no such document)",
    params: () => ({ id: "999999" }),
    form: () => fields({ intent: "reopen" }),
    expect: staffOnly("404"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "addImage",
    params: () => ({ id: String(f.document) }),
    multipart: async () => {
      const form = new FormData();
      form.append("intent", "addImage");
      form.append("caption", "Lễ ký kết");
      form.append("image", new File([await pngBytes()], "le-ky-ket.png", { type: "image/png" }));
      return form;
    },
    expect: staffOnly("→/admin/documents/"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "addImage (not an image)",
    params: () => ({ id: String(f.document) }),
    multipart: () => {
      const form = new FormData();
      form.append("intent", "addImage");
      form.append("caption", "");
      form.append("image", new File(["không phải ảnh"], "anh.png", { type: "image/png" }));
      return form;
    },
    expect: staffOnly("400 proceedings.documents.errors.imageNotImage"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "caption",
    params: () => ({ id: String(f.document) }),
    form: () => fields({ intent: "caption", imageId: f.documentImage, caption: "Toàn cảnh phiên khai mạc" }),
    expect: staffOnly("→/admin/documents/"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "caption (too long)",
    params: () => ({ id: String(f.document) }),
    form: () => fields({ intent: "caption", imageId: f.documentImage, caption: "chú thích ".repeat(40) }),
    expect: staffOnly("400"),
  },
  {
    // Each deletes a fresh image of its own.
    route: "/admin/documents/:id",
    method: "action",
    intent: "deleteImage",
    params: () => ({ id: String(f.document) }),
    form: async (c) =>
      fields({ intent: "deleteImage", imageId: isStaff(c) ? await newDocumentImage(f.document) : f.documentImage }),
    expect: staffOnly("→/admin/documents/"),
  },
  {
    // Another document's image is not this one's.
    route: "/admin/documents/:id",
    method: "action",
    intent: "deleteImage (another document's)",
    params: () => ({ id: String(f.document) }),
    form: () => fields({ intent: "deleteImage", imageId: f.publicImage }),
    expect: staffOnly("404"),
  },
  {
    // Each deletes a fresh document of its own.
    route: "/admin/documents/:id",
    method: "action",
    intent: "delete",
    params: async (c) => ({ id: String(isStaff(c) ? await newDocument() : f.document) }),
    form: () => fields({ intent: "delete" }),
    expect: staffOnly("→/admin/documents"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "delete (no such document)",
    params: () => ({ id: "999999" }),
    form: () => fields({ intent: "delete" }),
    expect: staffOnly("404"),
  },
  {
    route: "/admin/documents/:id",
    method: "action",
    intent: "?",
    params: () => ({ id: String(f.document) }),
    form: () => fields({ intent: "not-an-intent" }),
    expect: staffOnly("400 errors.unknownIntent"),
  },
  {
    route: "/admin/documents/:id/pdf",
    method: "loader",
    params: () => ({ id: String(f.document) }),
    expect: staffOnly(),
    check: isPdf,
  },
  {
    // A draft's image too: staff see every document's.
    route: "/admin/documents/:id/images/:imageId",
    method: "loader",
    params: () => ({ id: String(f.draftDocument), imageId: String(f.draftImage) }),
    expect: staffOnly(),
    check: isImage,
  },

  // A published session's own page and its final documents: everyone, visitors too; what is not
  // published, or not final, or not this session's, is a 404 for everyone, staff included.
  {
    route: "/programme/sessions/:id",
    method: "loader",
    params: () => ({ id: String(f.publicSession) }),
    expect: everyone(),
    check: (_actor, body) => {
      const page = JSON.parse(body) as { summaries: unknown[]; documents: Array<{ id: number }> };
      const ids = page.documents.map((d) => d.id);
      return page.summaries.length === 1 && ids.includes(f.publicDocument) && !ids.includes(f.draftDocument)
        ? null
        : `shows ${page.summaries.length} summaries and documents ${ids.join(",")}`;
    },
  },
  {
    route: "/programme/sessions/:id",
    method: "loader",
    intent: "unpublished",
    params: async () => {
      await setPublished(f.conferenceId, [f.hiddenSession], false, { id: null, ip: null });
      return { id: String(f.hiddenSession) };
    },
    expect: everyone("404"),
  },
  {
    route: "/programme/sessions/:id/documents/:docId/pdf",
    method: "loader",
    params: () => ({ id: String(f.publicSession), docId: String(f.publicDocument) }),
    expect: everyone(),
    check: isPdf,
  },
  {
    route: "/programme/sessions/:id/documents/:docId/pdf",
    method: "loader",
    intent: "draft",
    params: () => ({ id: String(f.publicSession), docId: String(f.draftDocument) }),
    expect: everyone("404"),
  },
  {
    route: "/programme/sessions/:id/documents/:docId/pdf",
    method: "loader",
    intent: "another session's",
    params: () => ({ id: String(f.publicSession), docId: String(f.otherSessionDocument) }),
    expect: everyone("404"),
  },
  {
    route: "/programme/sessions/:id/documents/:docId/images/:imageId",
    method: "loader",
    params: () => ({ id: String(f.publicSession), docId: String(f.publicDocument), imageId: String(f.publicImage) }),
    expect: everyone(),
    check: isImage,
  },
  {
    route: "/programme/sessions/:id/documents/:docId/images/:imageId",
    method: "loader",
    intent: "draft",
    params: () => ({ id: String(f.publicSession), docId: String(f.draftDocument), imageId: String(f.draftImage) }),
    expect: everyone("404"),
  },
  {
    // The right image under another document's address.
    route: "/programme/sessions/:id/documents/:docId/images/:imageId",
    method: "loader",
    intent: "another document's",
    params: () => ({
      id: String(f.otherSummarySession),
      docId: String(f.otherSessionDocument),
      imageId: String(f.publicImage),
    }),
    expect: everyone("404"),
  },

  // The summary of a discussion: its rapporteur and staff write it.
  {
    route: "/programme/sessions/:id/summary",
    method: "loader",
    params: () => ({ id: String(f.summarySession) }),
    expect: summarySpec("ok"),
  },
  {
    route: "/programme/sessions/:id/summary",
    method: "action",
    intent: "save",
    params: () => ({ id: String(f.summarySession) }),
    form: () => summaryForm("save"),
    expect: summarySpec("→/programme/sessions/"),
  },
  {
    route: "/programme/sessions/:id/summary",
    method: "action",
    intent: "save (empty)",
    params: () => ({ id: String(f.summarySession) }),
    form: () => summaryForm("save", { body: "" }),
    expect: summarySpec("400"),
  },
  {
    route: "/programme/sessions/:id/summary",
    method: "action",
    intent: "final",
    params: () => ({ id: String(f.summarySession) }),
    form: () => summaryForm("final"),
    expect: summarySpec("→/programme/sessions/"),
  },
  {
    route: "/programme/sessions/:id/summary",
    method: "action",
    intent: "reopen",
    params: () => ({ id: String(f.summarySession) }),
    form: () => fields({ intent: "reopen", language: "vi" }),
    expect: summarySpec("→/programme/sessions/"),
  },
  {
    // No English summary yet: nothing to reopen.
    route: "/programme/sessions/:id/summary",
    method: "action",
    intent: "reopen (none)",
    params: () => ({ id: String(f.summarySession) }),
    form: () => fields({ intent: "reopen", language: "en" }),
    expect: summarySpec("404"),
  },
  {
    route: "/programme/sessions/:id/summary",
    method: "action",
    intent: "?",
    params: () => ({ id: String(f.summarySession) }),
    form: () => fields({ intent: "not-an-intent", language: "vi" }),
    expect: summarySpec("400 errors.unknownIntent"),
  },
  {
    // Unpublished: not there for a rapporteur; staff still reach it.
    route: "/programme/sessions/:id/summary",
    method: "loader",
    intent: "unpublished",
    params: async () => {
      await setPublished(f.conferenceId, [f.hiddenSession], false, { id: null, ip: null });
      return { id: String(f.hiddenSession) };
    },
    expect: { anon: "login", signedIn: "404", staff: "ok" },
  },

  // The book's builder (issue 14): whoever may build the proceedings.
  { route: "/admin/proceedings", method: "loader", expect: staffOnly() },
  {
    route: "/admin/proceedings",
    method: "action",
    intent: "save",
    form: () => builderForm("save", { subtitle: "Kỷ yếu kiểm tra quyền" }),
    expect: staffOnly(),
    check: (_actor, body) => ((JSON.parse(body) as { saved?: boolean }).saved ? null : "not saved"),
  },
  {
    route: "/admin/proceedings",
    method: "action",
    intent: "save (invalid)",
    form: async () => (await builderForm("save")).filter(([k]) => k !== "sections"),
    expect: staffOnly("400"),
  },
  {
    route: "/admin/proceedings",
    method: "action",
    intent: "move:up:*",
    form: () => builderForm("move:up:speeches"),
    expect: staffOnly(),
    // From the default order, one step up each time: the speeches come before the programme.
    check: (_actor, body) => movedBefore(body, "speeches", "programme"),
  },
  {
    route: "/admin/proceedings",
    method: "action",
    intent: "move:down:*",
    form: () => builderForm("move:down:speeches"),
    expect: staffOnly(),
    // Back down a step each time: the contents come before the speeches again.
    check: (_actor, body) => movedBefore(body, "contents", "speeches"),
  },
  {
    // Each after the last generation has finished; both books are made.
    route: "/admin/proceedings",
    method: "action",
    intent: "generate",
    form: async () => {
      await jobsSettled();
      return builderForm("generate");
    },
    expect: staffOnly("→/admin/proceedings"),
    after: async () => {
      await jobsSettled();
      const jobs = await getDb()
        .selectFrom("jobs")
        .select(["state", "error"])
        .where("kind", "=", PROCEEDINGS_JOB)
        .execute();
      expect(jobs.map((j) => `${j.state}${j.error ? ` ${j.error}` : ""}`)).toEqual(["done", "done"]);
    },
  },
  {
    // One generation at a time.
    route: "/admin/proceedings",
    method: "action",
    intent: "generate (running)",
    form: async () => {
      await bookRunning();
      return builderForm("generate");
    },
    expect: staffOnly("409 jobs.error.alreadyRunning"),
    after: () => failJob(getDb(), stuckBook, "jobs.error.failed"),
  },
  {
    route: "/admin/proceedings",
    method: "action",
    intent: "?",
    form: () => builderForm("not-an-intent"),
    expect: staffOnly("400 errors.unknownIntent"),
  },

  // Last: rows that leave people registered, or not.
  {
    // A visitor's form asks for the e-mailed link; a signed-in person registers on their own account, once.
    route: "/register",
    method: "action",
    form: () => {
      registerCount += 1;
      return registrationForm(`dang-ky-${registerCount}@tinh-bacgiang.gov.vn`);
    },
    expect: {
      anon: "→/register?sent=",
      pending: "400 registration.duplicate",
      approved: "400 registration.duplicate",
      otherOrg: "400 registration.duplicate",
      head: "400 registration.duplicate",
      exhibitor: "→/my-registration?registered=1",
      staff: "→/my-registration?registered=1",
    },
    after: async () => {
      const ids = (["exhibitor", "secretariat", "organiser"] as const).map((k) => as(k).userId!);
      await getDb().deleteFrom("registrations").where("user_id", "in", ids).execute();
    },
  },
  {
    route: "/my-registration",
    method: "action",
    intent: "cancel",
    form: () => fields({ intent: "cancel", confirm: "yes" }),
    expect: { ...signedIn(), exhibitor: "404", staff: "404" },
  },
];

// ---------------------------------------------------------------------------------------------

const labelOf = (row: Row) =>
  `${row.method === "loader" ? "GET " : "POST"} ${row.route}${row.intent ? ` [${row.intent}]` : ""}`;
const refusedOutcome = (o: Outcome) => o === "login" || /^4\d\d/.test(o);

function describeResponse(response: Response, body: string): string {
  const location = response.headers.get("Location");
  if (location) return `${response.status} → ${location}`;
  const keys = [
    ...body.slice(0, 4000).matchAll(/"(?:message|error|problem|key)"\s*:\s*"([^"]+)"|"":\s*"([^"]+)"/g),
  ].map((m) => m[1] ?? m[2]);
  return `${response.status}${keys.length ? ` ${[...new Set(keys)].join(",")}` : ""}`;
}

function matches(expected: Outcome, response: Response, body: string): boolean {
  const location = response.headers.get("Location") ?? "";
  if (expected === "ok") return response.status >= 200 && response.status < 300;
  if (expected === "login")
    return response.status >= 300 && response.status < 400 && /^\/login(\?redirectTo=|$)/.test(location);
  if (expected.startsWith("→"))
    return response.status >= 300 && response.status < 400 && location.startsWith(expected.slice(1));
  const [status, key] = expected.split(" ");
  return String(response.status) === status && (!key || body.includes(`"${key}"`));
}

/** What each actor got, row by row, printed at the end. */
const seen = new Map<string, Partial<Record<ActorKey, string>>>();

describe("the route table", () => {
  it("has a row for every route module's loader and for every intent its action tells apart", () => {
    expect(modules.size).toBe(routeFiles.length);
    const problems: string[] = [];
    for (const [route, mod] of modules) {
      const rows = ROWS.filter((r) => r.route === route);
      if (mod.loader && !rows.some((r) => r.method === "loader")) problems.push(`${mod.file}: its loader has no row`);
      if (!mod.loader && rows.some((r) => r.method === "loader"))
        problems.push(`${mod.file}: a loader row, but no loader`);
      if (!mod.action && rows.some((r) => r.method === "action"))
        problems.push(`${mod.file}: an action row, but no action`);
      if (mod.action) {
        const actionRows = rows.filter((r) => r.method === "action");
        if (actionRows.length === 0) problems.push(`${mod.file}: its action has no row`);
        const covered = new Set(actionRows.map((r) => r.intent));
        for (const intent of [...intentsInSource(mod.source), ...mod.listed])
          if (!covered.has(intent)) problems.push(`${mod.file}: intent "${intent}" has no row`);
      }
      if (!mod.loader && !mod.action)
        problems.push(`${mod.file}: neither loader nor action (a layout?) — give it a row kind`);
    }
    for (const row of ROWS)
      if (!modules.has(row.route)) problems.push(`${labelOf(row)}: no route file maps to ${row.route}`);
    const labels = ROWS.map(labelOf);
    for (const [i, l] of labels.entries()) if (labels.indexOf(l) !== i) problems.push(`${l}: two rows`);
    for (const row of ROWS) expand(row.expect);
    expect(problems).toEqual([]);
  });

  it("maps flat-route file names to URLs", () => {
    expect(urlOf("_index.tsx")).toBe("/");
    expect(urlOf("meetings/route.tsx")).toBe("/meetings");
    expect(urlOf("admin.delegates.$id.tsx")).toBe("/admin/delegates/:id");
    expect(urlOf("admin.delegates._index.tsx")).toBe("/admin/delegates");
    expect(urlOf("my-agenda[.]ics.ts")).toBe("/my-agenda.ics");
    expect(urlOf("admin.delegates.$id.badge[.]pdf.ts")).toBe("/admin/delegates/:id/badge.pdf");
    expect(urlOf("admin.exhibition.plan_.import.tsx")).toBe("/admin/exhibition/plan/import");
  });

  it("reads intents named by an action's own enum and by a feature's intent reader", () => {
    expect(patternValues("move:(up|down):([a-z]+)")).toEqual(["move:up:*", "move:down:*"]);
    const summary = modules.get("/programme/sessions/:id/summary")!;
    expect(intentsInSource(summary.source)).toEqual(expect.arrayContaining(["save", "final", "reopen"]));
    expect([...modules.get("/admin/proceedings")!.listed].sort()).toEqual(
      ["generate", "move:down:*", "move:up:*", "save"].sort(),
    );
  });
});

describe.sequential("every route as every actor", () => {
  for (const row of ROWS) {
    it(labelOf(row), async () => {
      const expectations = expand(row.expect);
      // Refusals first, on the state the row was written for; then the calls that may write.
      const order = [...ACTORS].sort(
        (a, b) => Number(!refusedOutcome(expectations[a])) - Number(!refusedOutcome(expectations[b])),
      );
      const failures: string[] = [];
      const got: Partial<Record<ActorKey, string>> = {};
      for (const key of order) {
        const actor = actors[key];
        const cookie = row.fresh && actor.userId ? await cookieFor(actor.userId) : actor.cookie;
        const cell: Cell = { actor, cookie };
        const params = row.params ? await row.params(cell) : undefined;
        const form = row.form ? await row.form(cell) : undefined;
        const multipart = row.multipart ? await row.multipart(cell) : undefined;
        const expected = expectations[key];
        const before = refusedOutcome(expected) ? digest() : null;
        let response: Response;
        try {
          response = await hit(row.route, row.method, {
            cookie,
            params,
            query: typeof row.query === "function" ? row.query() : row.query,
            form,
            multipart,
          });
        } catch (error) {
          failures.push(`${key}: threw ${error instanceof Error ? error.stack : String(error)}`);
          got[key] = "threw";
          continue;
        }
        const body = await response.text();
        got[key] = describeResponse(response, body);
        if (!matches(expected, response, body))
          failures.push(`${key}: expected ${expected}, got ${got[key]}: ${body.slice(0, 300)}`);
        else if (before) {
          const changed = changedTables(before, digest());
          if (changed.length) failures.push(`${key}: refused (${got[key]}) but wrote to ${changed.join(", ")}`);
        } else if (row.check) {
          const problem = row.check(key, body, response);
          if (problem) failures.push(`${key}: ${problem}`);
        }
      }
      seen.set(labelOf(row), got);
      await row.after?.();
      expect(failures).toEqual([]);
    });
  }
});

describe("after the matrix", () => {
  it("the visitor who never followed the link still has no account, and the request is unconfirmed", async () => {
    const email = as("unconfirmed").email!;
    expect(
      await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await getDb()
        .selectFrom("registration_requests")
        .select("confirmed_at")
        .where("email", "=", email)
        .executeTakeFirstOrThrow(),
    ).toEqual({ confirmed_at: null });
  });
});

afterAll(() => {
  const short = (s: string | undefined) => (s ?? "-").replace(/^(\d{3}) → (\S{0,22}).*$/, "$1→$2").slice(0, 26);
  const lines = [["", ...ACTORS].join(" | ")];
  for (const [label, got] of seen) lines.push([label, ...ACTORS.map((a) => short(got[a]))].join(" | "));
  console.log(`Authorisation matrix (${seen.size} rows × ${ACTORS.length} actors):\n${lines.join("\n")}`);
});
