/**
 * npm run bench:registration — the built server on an empty database:
 * (a) 500 registrations submitted through the public form, 50 at a time;
 * (b) the organisers' delegate list and a delegate's own page under 50 connections;
 * and /healthz in the same run as the yardstick. Prints JSON.
 */
import { measure, signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3400);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

async function main() {
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
    const list = await measure({ url: `${url}/admin/delegates?sort=name`, duration: SECONDS, headers: { cookie: organiser } });
    const listSearch = await measure({ url: `${url}/admin/delegates?q=dai%20bieu%2012&status=pending`, duration: SECONDS, headers: { cookie: organiser } });
    const own = await measure({ url: `${url}/my-registration`, duration: SECONDS, headers: { cookie: delegate } });
    const healthzAfter = await measure({ url: `${url}/healthz`, duration: SECONDS });

    const registered = (await (await fetch(`${url}/admin/delegates`, { headers: { cookie: organiser } })).text()).match(/data-testid="delegate-count">([^<]+)</)?.[1];
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
          healthz_after: healthzAfter,
          list_count_after: registered,
          ratio_rps_vs_healthz: {
            register: +(register.rps / healthz.rps).toFixed(3),
            delegate_list: +(list.rps / healthz.rps).toFixed(3),
            own_registration_page: +(own.rps / healthz.rps).toFixed(3),
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
