import { beforeEach, describe, expect, it } from "vitest";
import { createRegistration } from "~/features/registration/registrations.server";
import { placesOver } from "~/features/registration/places-over.server";
import { getDb } from "~/platform/db.server";
import * as conferencePage from "~/routes/admin.conference";
import * as quotas from "~/routes/admin.quotas";
import { demoConference, organisationId, registrationInput, resetRegistrations } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

/** `n` approved in-person delegates of an organisation, one after another (later ones were given their place last). */
async function approved(code: string, n: number) {
  const conference = await demoConference();
  const orgId = await organisationId(code);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const result = await createRegistration(getDb(), registrationInput({ organisationId: orgId }), {
      conferenceId: conference.id,
      userId: null,
      attachExistingAccount: true,
      approve: true,
      actor: { id: null, ip: null },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    // Distinct instants: the order in which places were given is the order of creation.
    await getDb()
      .updateTable("registrations")
      .set({ status_changed_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i + 1)).toISOString() })
      .where("id", "=", result.registrationId)
      .execute();
    ids.push(result.registrationId);
  }
  return ids;
}

const statuses = async () =>
  (await getDb().selectFrom("registrations").select(["id", "status", "mode"]).orderBy("id").execute()).map(
    (r) => `${r.status}/${r.mode}`,
  );

beforeEach(resetRegistrations);

describe("lowering a quota or the capacity below what is held", () => {
  it("warns before saving a quota below the places held, moves nobody, then lists who is over", async () => {
    const organiser = await signInAs("organiser");
    const ids = await approved("prov-bac-giang", 4);
    const before = await statuses();

    const warned = await call(quotas.action, {
      path: "/admin/quotas",
      form: { kind: "province", places: "2", field: "kind-province" },
      cookie: organiser,
    });
    expect(warned.status).toBe(409);
    const body = await jsonOf<{ errors: Record<string, string>; params: Record<string, unknown>; confirm: unknown }>(
      warned,
    );
    expect(body.errors).toEqual({ "kind-province": "quotas.wouldBeOver" });
    expect(body.params).toMatchObject({ places: 2, organisations: "Bắc Giang" });
    expect(body.confirm).toEqual({ field: "kind-province", kind: "province", organisationId: null, places: 2 });
    expect(await getDb().selectFrom("kind_quotas").selectAll().execute()).toEqual([]);

    const saved = await call(quotas.action, {
      path: "/admin/quotas",
      form: { kind: "province", places: "2", field: "kind-province", confirmOver: "1" },
      cookie: organiser,
    });
    expect(saved.status).toBe(200);
    expect(await statuses()).toEqual(before);

    const page = await jsonOf<{ over: Awaited<ReturnType<typeof placesOver>> }>(
      await call(quotas.loader, { path: "/admin/quotas", cookie: organiser }),
    );
    expect(page.over.organisations).toHaveLength(1);
    expect(page.over.organisations[0]).toMatchObject({ name_vi: "Bắc Giang", quota: 2, held: 4 });
    // The last two to be given their place are the ones beyond.
    expect(page.over.organisations[0].beyond.map((p) => p.id)).toEqual([ids[3], ids[2]]);
  });

  it("a quota the held places fit, or removing one, is saved at once", async () => {
    const organiser = await signInAs("organiser");
    await approved("prov-bac-giang", 2);
    for (const places of ["2", ""]) {
      const response = await call(quotas.action, {
        path: "/admin/quotas",
        form: { kind: "province", places, field: "kind-province" },
        cookie: organiser,
      });
      expect(response.status).toBe(200);
    }
    expect((await placesOver(getDb(), (await demoConference()).id)).organisations).toEqual([]);
  });

  it("warns before lowering the conference's capacity below the places held, then saves with the confirmation", async () => {
    const organiser = await signInAs("organiser");
    await approved("prov-bac-giang", 3);
    const page = await jsonOf<{ values: Record<string, string> }>(
      await call(conferencePage.loader, { path: "/admin/conference", cookie: organiser }),
    );
    const form = { ...page.values, inPersonCapacity: "1" };
    const warned = await call(conferencePage.action, { path: "/admin/conference", form, cookie: organiser });
    expect(warned.status).toBe(409);
    expect(await jsonOf(warned)).toMatchObject({
      errors: { inPersonCapacity: "conference.capacityBelowHeld" },
      params: { over: 2 },
      confirmOver: true,
    });
    expect((await demoConference()).in_person_capacity).toBe(500);

    const saved = await call(conferencePage.action, {
      path: "/admin/conference",
      form: { ...form, confirmOver: "1" },
      cookie: organiser,
    });
    expect(saved.status).toBe(200);
    const conference = await demoConference();
    expect(conference.in_person_capacity).toBe(1);
    const over = await placesOver(getDb(), conference.id);
    expect(over).toMatchObject({ capacity: 1, held: 3 });
    expect(over.beyond).toHaveLength(2);
    expect((await statuses()).every((s) => s === "approved/in_person")).toBe(true);
  });
});
