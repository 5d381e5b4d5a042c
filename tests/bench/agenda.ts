/**
 * npm run bench:agenda — the built server on a fresh demo database: the
 * published programme (a visitor, and a signed-in delegate who sees sign-up
 * buttons) and "My agenda" under 50 connections, with /healthz in the same run
 * as the yardstick. The demo delegate is first given sign-ups and a speaking
 * role straight in the database. Prints JSON.
 */
import { openDatabase } from "../../db/client";
import { measure, signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3401);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

async function giveTheDelegateAnAgenda(path: string) {
  const { db } = openDatabase(path);
  const registration = await db
    .selectFrom("registrations")
    .select(["id", "mode"])
    .where("email", "=", "dai-bieu.bacgiang@ngoaivu.test")
    .executeTakeFirstOrThrow();
  const sessions = await db.selectFrom("sessions").select(["id", "kind"]).orderBy("starts_at").execute();
  const now = new Date().toISOString();
  const discussion = sessions.find((s) => s.kind === "discussion")!;
  await db
    .insertInto("session_signups")
    .values({ session_id: discussion.id, registration_id: registration.id, mode: registration.mode, created_at: now })
    .execute();
  const closing = sessions[sessions.length - 1];
  await db
    .insertInto("session_people")
    .values({ session_id: closing.id, registration_id: registration.id, role: "speaker", position: 0 })
    .execute();
  await db.destroy();
}

async function main() {
  const server = await startServer(PORT);
  try {
    const { url } = server;
    await giveTheDelegateAnAgenda(server.databasePath);
    const delegate = await signIn(url, "dai-bieu.bacgiang@ngoaivu.test", "DaiBieu#2021");
    const healthz = await measure({ url: `${url}/healthz`, duration: SECONDS });
    const programme = await measure({ url: `${url}/programme`, duration: SECONDS });
    const programmeSignedIn = await measure({
      url: `${url}/programme`,
      duration: SECONDS,
      headers: { cookie: delegate },
    });
    const agenda = await measure({ url: `${url}/my-agenda`, duration: SECONDS, headers: { cookie: delegate } });
    const agendaIcs = await measure({ url: `${url}/my-agenda.ics`, duration: SECONDS, headers: { cookie: delegate } });
    const healthzAfter = await measure({ url: `${url}/healthz`, duration: SECONDS });
    console.log(
      JSON.stringify(
        {
          machine: { cores: (await import("node:os")).cpus().length, node: process.version },
          connections: 50,
          seconds_per_run: SECONDS,
          healthz,
          programme_visitor: programme,
          programme_signed_in_delegate: programmeSignedIn,
          my_agenda: agenda,
          my_agenda_ics: agendaIcs,
          healthz_after: healthzAfter,
          ratio_rps_vs_healthz: {
            programme_visitor: +(programme.rps / healthz.rps).toFixed(3),
            programme_signed_in_delegate: +(programmeSignedIn.rps / healthz.rps).toFixed(3),
            my_agenda: +(agenda.rps / healthz.rps).toFixed(3),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
