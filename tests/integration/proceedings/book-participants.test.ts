import { describe, expect, it } from "vitest";
import { renderProceedings } from "~/features/proceedings/book/book.server";
import { createRegistration } from "~/features/registration/registrations.server";
import { getDb, nowIso } from "~/platform/db.server";
import { readBack } from "../../unit/proceedings/book-readback";
import { demoConference, organisationId, registrationInput } from "../../helpers/factories";

const actor = { id: null, ip: null };

describe("the book's list of participants", () => {
  it("has every approved delegate who consented to be listed, and no one else", async () => {
    const conference = await demoConference();
    const orgs = await Promise.all(["prov-bac-giang", "prov-lang-son", "mis-emb-jp"].map(organisationId));
    // Of every status, with and without consent; names that are no part of one another.
    const cases = [
      { name: "Đinh Công Chấp Thuận", approve: true, consent: true },
      { name: "Lương Thị Đồng Ý", approve: true, consent: true },
      { name: "Quách Văn Kín Tiếng", approve: true, consent: false },
      { name: "Mai Thị Còn Chờ", approve: false, consent: true },
      { name: "Tạ Văn Bị Loại", approve: false, consent: true, status: "rejected" as const },
      { name: "Kiều Thị Rút Lui", approve: true, consent: true, status: "cancelled" as const },
    ];
    for (const [i, c] of cases.entries()) {
      const made = await createRegistration(
        getDb(),
        registrationInput({ organisationId: orgs[i % orgs.length], fullName: c.name, consentToList: c.consent }),
        { conferenceId: conference.id, userId: null, attachExistingAccount: true, approve: c.approve, actor },
      );
      if (!made.ok) throw new Error(JSON.stringify(made.refusal));
      if (c.status)
        await getDb()
          .updateTable("registrations")
          .set({ status: c.status, status_changed_at: nowIso() })
          .where("id", "=", made.registrationId)
          .execute();
    }
    await getDb()
      .insertInto("proceedings_settings")
      .values({
        conference_id: conference.id,
        sections: JSON.stringify(["cover", "participants"]),
        updated_at: nowIso(),
      })
      .onConflict((oc) =>
        oc.column("conference_id").doUpdateSet({ sections: JSON.stringify(["cover", "participants"]) }),
      )
      .execute();

    const { pages } = await readBack((await renderProceedings(getDb(), conference.id, {}, () => {})).bytes);
    const list = pages.slice(1).join("\n");
    expect(list).toContain("Danh sách đại biểu");

    // Every registration of the conference: listed exactly when approved and consenting.
    const everyone = await getDb()
      .selectFrom("registrations")
      .select(["full_name", "status", "consent_to_list"])
      .where("conference_id", "=", conference.id)
      .execute();
    expect(everyone.length).toBeGreaterThanOrEqual(cases.length);
    for (const r of everyone) {
      const listed = r.status === "approved" && r.consent_to_list === 1;
      expect(list.includes(r.full_name), `${r.full_name} (${r.status}, consent ${r.consent_to_list})`).toBe(listed);
    }
    for (const name of ["Đinh Công Chấp Thuận", "Lương Thị Đồng Ý"]) expect(list).toContain(name);
    for (const name of ["Quách Văn Kín Tiếng", "Mai Thị Còn Chờ", "Tạ Văn Bị Loại", "Kiều Thị Rút Lui"])
      expect(list).not.toContain(name);
  }, 60_000);
});
