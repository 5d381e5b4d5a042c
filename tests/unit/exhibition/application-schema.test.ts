import { describe, expect, it } from "vitest";
import {
  applicationSchema,
  applicationValues,
  changeRequestSchema,
  decisionSchema,
  productSchema,
} from "~/features/exhibition/applications/schema";
import { parseWith } from "~/platform/forms/parse";

const valid = {
  nameVi: "  Hợp tác xã Nông sản Lục Ngạn ",
  nameEn: "Luc Ngan Agricultural Cooperative",
  kind: "cooperative",
  provinceId: "12",
  contactName: "Hoàng Đức Thắng",
  contactEmail: "Trung-Bay@NgoaiVu.test",
  contactPhone: "+84 204 3882 123",
  website: "https://lucngan.vn",
  aboutVi: "Vải thiều Lục Ngạn",
  aboutEn: "",
  zone1: "ocop",
  zone2: "food",
  zone3: "",
  types: "corner,standard",
  boothsNeeded: "2",
  minArea: "18,5",
  neighbours: "4,7,4",
  nearProvince: "on",
  apartCategory: "fruit",
  needsPower: "on",
};

describe("the application's schema", () => {
  it("reads a posted form: ranked zones, checkbox groups, the area with a decimal comma", () => {
    const parsed = parseWith(applicationSchema, valid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({
      nameVi: "Hợp tác xã Nông sản Lục Ngạn",
      contactEmail: "trung-bay@ngoaivu.test",
      provinceId: 12,
      zones: ["ocop", "food"],
      types: ["corner", "standard"],
      boothsNeeded: 2,
      minArea: 18.5,
      neighbours: [4, 7],
      nearProvince: true,
      needsPower: true,
      needsWater: false,
      apartCategory: "fruit",
    });
  });

  it("reads react-hook-form's values too (arrays and booleans)", () => {
    const parsed = parseWith(applicationSchema, { ...valid, types: ["island"], nearProvince: false, needsWater: true });
    expect(parsed.ok && parsed.data).toMatchObject({ types: ["island"], nearProvince: false, needsWater: true });
  });

  it.each([
    [{ zone2: "ocop" }, "zone2", "exhibition.applications.errors.zoneTwice"],
    [{ zone1: "", zone2: "food" }, "zone2", "exhibition.applications.errors.zoneGap"],
    [{ zone1: "moon" }, "zone1", "exhibition.applications.errors.zone"],
    [{ types: "corner,tent" }, "types", "exhibition.applications.errors.type"],
    [{ boothsNeeded: "3" }, "boothsNeeded", "exhibition.applications.errors.booths"],
    [{ minArea: "-4" }, "minArea", "exhibition.applications.errors.area"],
    [{ minArea: "900" }, "minArea", "exhibition.applications.errors.area"],
    [{ provinceId: "typed:Bac Giang" }, "provinceId", "exhibition.applications.errors.provincePick"],
    [{ provinceId: "" }, "provinceId", "errors.required"],
    [{ website: "not a site" }, "website", "exhibition.applications.errors.website"],
    [{ contactPhone: "call me" }, "contactPhone", "exhibition.applications.errors.phone"],
    [{ contactEmail: "nope" }, "contactEmail", "errors.email"],
    [{ nameVi: "   " }, "nameVi", "errors.required"],
    [{ kind: "ministry" }, "kind", "exhibition.applications.errors.kind"],
    [{ apartCategory: "gold" }, "apartCategory", "exhibition.applications.errors.category"],
    [{ neighbours: "1,x" }, "neighbours", "exhibition.applications.errors.neighbour"],
  ])("refuses %j beside %s", (change, field, key) => {
    const parsed = parseWith(applicationSchema, { ...valid, ...change });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[field]).toBe(key);
  });

  it("joins a checkbox group's ticked boxes as the schema reads them", () => {
    const form = new FormData();
    form.append("types", "corner");
    form.append("types", "island");
    form.append("neighbours", "3");
    form.append("nameVi", "A");
    expect(applicationValues(form)).toEqual({ types: "corner,island", neighbours: "3", nameVi: "A" });
  });
});

describe("the other forms' schemas", () => {
  it("a product needs a Vietnamese name and a known category", () => {
    expect(parseWith(productSchema, { nameVi: "Vải thiều", category: "fruit" }).ok).toBe(true);
    const bad = parseWith(productSchema, { nameVi: "", category: "gold" });
    expect(!bad.ok && bad.errors).toEqual({
      nameVi: "errors.required",
      category: "exhibition.applications.errors.category",
    });
  });

  it("a rejection needs a reason; an approval does not", () => {
    expect(parseWith(decisionSchema, { decision: "approve", reason: "" }).ok).toBe(true);
    const bad = parseWith(decisionSchema, { decision: "reject", reason: "  " });
    expect(!bad.ok && bad.errors.reason).toBe("exhibition.applications.errors.reasonRequired");
  });

  it("a change request is not empty", () => {
    const bad = parseWith(changeRequestSchema, { request: " \n " });
    expect(!bad.ok && bad.errors.request).toBe("errors.required");
  });
});
