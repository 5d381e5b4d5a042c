/**
 * npm run bench:registration — the built server on an empty database:
 * (a) 500 registrations submitted through the public form, 50 at a time;
 * (b) the organisers' delegate list and a delegate's own page under 50 connections;
 * and /healthz in the same run as the yardstick. Prints JSON.
 */
import { randomBytes } from "node:crypto";
import { openDatabase } from "../../db/client";
import { badgeCodeFrom } from "../../app/features/registration/rules";
import { searchKey } from "../../app/lib/text";
import { measure, signIn, startServer } from "./server";

/** Tops the list up to 5,000 registrations straight into the server's database file (WAL allows a second writer). */
async function fillTo5000(path: string) {
  const { db } = openDatabase(path);
  const conference = await db.selectFrom("conferences").select("id").executeTakeFirstOrThrow();
  const orgs = await db.selectFrom("organisations").select(["id", "name_vi", "name_en"]).execute();
  const [{ n }] = await db
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .execute();
  const now = new Date().toISOString();
  const statuses = ["approved", "rejected", "cancelled"] as const;
  await db.transaction().execute(async (trx) => {
    for (let i = Number(n); i < 5000; i++) {
      const org = orgs[i % orgs.length];
      const full_name = `Trần Thị Thử Tải ${i}`;
      const email = `thu-tai-${i}@bench.gov.vn`;
      await trx
        .insertInto("registrations")
        .values({
          conference_id: conference.id,
          user_id: null,
          organisation_id: org.id,
          honorific: "ms",
          full_name,
          position: "Chuyên viên",
          email,
          phone: "0243799300",
          mode: "online",
          status: statuses[i % 3],
          interpretation: "none",
          dietary: "",
          consent_to_list: 1,
          badge_code: badgeCodeFrom(randomBytes(8)),
          waitlisted_at: null,
          status_changed_at: now,
          decided_by: null,
          checked_in_at: null,
          checked_in_by: null,
          organiser_note: "",
          search_key: searchKey(full_name, email, org.name_vi, org.name_en),
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  await db.destroy();
}

const PORT = Number(process.env.BENCH_PORT || 3400);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

async function main() {
  // 500 forms from one address: the per-address limit is raised for the benchmark only.
  process.env.REGISTRATION_LIMIT_PER_ADDRESS = "100000";
  const server = await startServer(PORT);
  try {
    const { url } = server;
    const page = await (await fetch(`${url}/register`)).text();
    const orgs = [...page.matchAll(/<option value="(\d+)">/g)].map((m) => m[1]);
    if (orgs.length < 60) throw new Error("could not read the organisations from the registration form");

    const healthz = await measure({ url: `${url}/healthz`, duration: SECONDS });

    let n = 0;
    const register = await measure({
      url,
      amount: 500,
      requests: [
        {
          method: "POST",
          path: "/register",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          setupRequest: (req) => {
            n += 1;
            req.body = new URLSearchParams({
              honorific: n % 2 ? "mr" : "ms",
              fullName: `Nguyễn Thị Đại Biểu ${n}`,
              position: "Chuyên viên Sở Ngoại vụ",
              organisationId: orgs[n % orgs.length],
              email: `dai-bieu-${n}@bench.gov.vn`,
              phone: "+84 24 3799 3000",
              mode: n % 3 ? "in_person" : "online",
              interpretation: "none",
              dietary: "",
              consentToList: "on",
            }).toString();
            return req;
          },
        },
      ],
    });

    const organiser = await signIn(url, "to-chuc@ngoaivu.test", "ToChuc#2021");
    const delegate = await signIn(url, "dai-bieu.bacgiang@ngoaivu.test", "DaiBieu#2021");
    const list = await measure({
      url: `${url}/admin/delegates?sort=name`,
      duration: SECONDS,
      headers: { cookie: organiser },
    });
    const listSearch = await measure({
      url: `${url}/admin/delegates?q=dai%20bieu%2012&status=pending`,
      duration: SECONDS,
      headers: { cookie: organiser },
    });
    const own = await measure({ url: `${url}/my-registration`, duration: SECONDS, headers: { cookie: delegate } });
    await fillTo5000(server.databasePath);
    const list5000 = await measure({
      url: `${url}/admin/delegates?sort=name&page=50`,
      duration: SECONDS,
      headers: { cookie: organiser },
    });
    const list5000Search = await measure({
      url: `${url}/admin/delegates?q=thu%20tai%20499&sort=organisation`,
      duration: SECONDS,
      headers: { cookie: organiser },
    });
    const healthzAfter = await measure({ url: `${url}/healthz`, duration: SECONDS });

    const registered = (await (await fetch(`${url}/admin/delegates`, { headers: { cookie: organiser } })).text()).match(
      /data-testid="delegate-count">([^<]+)</,
    )?.[1];
    const registeredByForm = register.statuses["302"] ?? 0;
    // The form records unconfirmed requests (decision 011); registrations come when links are followed.
    const { default: Database } = await import("better-sqlite3");
    const probe = new Database(server.databasePath, { readonly: true });
    const requestsRecorded = (probe.prepare("SELECT count(*) AS n FROM registration_requests").get() as { n: number })
      .n;
    probe.close();
    console.log(
      JSON.stringify(
        {
          machine: { cores: (await import("node:os")).cpus().length, node: process.version },
          connections: 50,
          seconds_per_run: SECONDS,
          healthz,
          register_500: register,
          delegate_list: list,
          delegate_list_search: listSearch,
          own_registration_page: own,
          delegate_list_5000_rows_page_50: list5000,
          delegate_list_5000_rows_search: list5000Search,
          healthz_after: healthzAfter,
          registered_through_the_form: registeredByForm,
          unconfirmed_requests_recorded: requestsRecorded,
          list_count_after: registered,
          ratio_rps_vs_healthz: {
            register: +(register.rps / healthz.rps).toFixed(3),
            delegate_list: +(list.rps / healthz.rps).toFixed(3),
            own_registration_page: +(own.rps / healthz.rps).toFixed(3),
            delegate_list_5000_rows: +(list5000.rps / healthz.rps).toFixed(3),
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
