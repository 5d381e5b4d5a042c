import { describe, expect, it } from "vitest";
import { listOrganisations } from "~/features/people/organisations.server";
import { organisationNeedles, organisationRank, TYPED_ORGANISATION } from "~/features/people/organisation-search";
import { registrationSchema } from "~/features/registration/schema";
import { parseWith } from "~/platform/forms/fields";
import { searchKey } from "~/lib/text";
import * as register from "~/routes/register";
import * as organisations from "~/routes/organisations";
import { registrationForm } from "../../helpers/registration";
import { call, jsonOf, signInAs } from "../../helpers/remix";

/** What people type, and the province it must find first. */
const EXAMPLES: Array<[string, string]> = [
  ["tp hcm", "Thành phố Hồ Chí Minh"],
  ["hcm", "Thành phố Hồ Chí Minh"],
  ["tphcm", "Thành phố Hồ Chí Minh"],
  ["TP. HCM", "Thành phố Hồ Chí Minh"],
  ["sài gòn", "Thành phố Hồ Chí Minh"],
  ["Sai Gon", "Thành phố Hồ Chí Minh"],
  ["hanoi", "Hà Nội"],
  ["Hà Nội", "Hà Nội"],
  ["Sở Ngoại vụ Quảng Ninh", "Quảng Ninh"],
  ["UBND Quảng Ninh", "Quảng Ninh"],
  ["Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh"],
  ["tỉnh Quảng Ninh", "Quảng Ninh"],
  ["quangninh", "Quảng Ninh"],
];

describe("organisation search finds what people type", () => {
  it.each(EXAMPLES)("the server search: %s → %s, first", async (q, name) => {
    const { rows, total } = await listOrganisations({ q });
    expect(total).toBeGreaterThan(0);
    expect(rows[0].name_vi).toBe(name);
    const { rows: provinces } = await listOrganisations({ q, kind: "province" });
    expect(provinces.map((r) => r.name_vi)).toEqual([name]);
  });

  it("the /organisations page reads the same", async () => {
    const cookie = await signInAs("exhibitor");
    for (const [q, name] of EXAMPLES) {
      const res = await call(organisations.loader, { path: `/organisations?q=${encodeURIComponent(q)}`, cookie });
      const { rows } = await jsonOf<{ rows: Array<{ name_vi: string }> }>(res);
      expect(rows[0]?.name_vi, q).toBe(name);
    }
  });

  it("the picker's pure matching ranks the same province first (what the browser runs)", () => {
    const keys = [
      searchKey("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
      searchKey("Hà Nội", "Ha Noi"),
      searchKey("Quảng Ninh", "Quang Ninh"),
      searchKey("Học viện Chính trị quốc gia Hồ Chí Minh", "Ho Chi Minh National Academy of Politics"),
    ];
    const best = (q: string) => {
      const needles = organisationNeedles(q);
      return keys
        .map((key, i) => ({ i, rank: organisationRank(key, needles) }))
        .filter((r) => r.rank >= 0)
        .sort((a, b) => a.rank - b.rank || a.i - b.i)
        .map((r) => r.i);
    };
    for (const q of ["tp hcm", "hcm", "tphcm", "sài gòn", "ho chi minh"]) expect(best(q)[0], q).toBe(0);
    expect(best("hanoi")).toEqual([1]);
    expect(best("Sở Ngoại vụ Quảng Ninh")).toEqual([2]);
    expect(best("UBND Quảng Ninh")).toEqual([2]);
    expect(best("xyz")).toEqual([]);
    // Searching for the prefix itself still finds what has it.
    expect(best("thanh pho")).toEqual([0]);
  });

  it("a name typed but not picked asks to choose the organisation from the list, not 'required'", async () => {
    const form = await registrationForm();
    const typed = parseWith(registrationSchema, { ...form, organisationId: `${TYPED_ORGANISATION}Quang Ninh` });
    expect(typed.ok).toBe(false);
    expect(!typed.ok && typed.errors.organisationId).toBe("registration.organisation.pickFromList");
    const empty = parseWith(registrationSchema, { ...form, organisationId: "" });
    expect(!empty.ok && empty.errors.organisationId).toBe("errors.required");
    // Through the registration page's action, with the text sent back to the form.
    const res = await call(register.action, {
      path: "/register",
      form: { ...form, organisationId: `${TYPED_ORGANISATION}Quang Ninh` },
      ip: "10.99.0.1",
    });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(res);
    expect(body.errors.organisationId).toBe("registration.organisation.pickFromList");
    expect(body.values.organisationId).toBe(`${TYPED_ORGANISATION}Quang Ninh`);
  });
});
