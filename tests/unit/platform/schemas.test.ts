import { describe, expect, it } from "vitest";
import { isMessageKey } from "~/http/i18n.server";
import { changePasswordSchema, loginSchema, setPasswordSchema } from "~/features/people/auth-schema";
import { parseWith } from "~/platform/forms/fields";
import { conferenceSchema } from "~/features/people/conference-schema";
import { inviteSchema, profileSchema } from "~/features/people/schema";

const conference = {
  edition: "20",
  titleVi: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  titleEn: "20th National Conference on Local External Affairs",
  themeVi: "",
  themeEn: "",
  startsAt: "2021-12-13T08:00",
  endsAt: "2021-12-13T17:30",
  timeZone: "Asia/Ho_Chi_Minh",
  venueVi: "Hà Nội",
  venueEn: "Ha Noi",
  format: "hybrid",
  inPersonCapacity: "500",
  registrationOpensAt: "2021-11-01T08:00",
  registrationClosesAt: "2021-12-10T17:00",
};

describe("conferenceSchema", () => {
  it("turns wall-clock times in the conference zone into UTC instants", () => {
    const r = parseWith(conferenceSchema, conference);
    expect(r.ok && r.data).toMatchObject({
      edition: 20,
      inPersonCapacity: 500,
      startsAt: "2021-12-13T01:00:00.000Z",
      endsAt: "2021-12-13T10:30:00.000Z",
      registrationClosesAt: "2021-12-10T10:00:00.000Z",
    });
  });

  it("names the field of each mistake with a dictionary key", () => {
    const r = parseWith(conferenceSchema, {
      ...conference,
      edition: "twenty",
      titleVi: "   ",
      endsAt: "2021-12-13T07:00",
      timeZone: "Hanoi",
      format: "both",
      inPersonCapacity: "-5",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      edition: "errors.integer",
      titleVi: "errors.required",
      timeZone: "errors.timeZone",
      format: "errors.choice",
      inPersonCapacity: "errors.nonNegative",
    });
    for (const key of Object.values(r.errors)) expect(isMessageKey(key), key).toBe(true);
  });

  it("refuses an end before the start and registration closing after the end", () => {
    const r = parseWith(conferenceSchema, {
      ...conference,
      endsAt: "2021-12-13T07:00",
      registrationClosesAt: "2021-12-20T08:00",
    });
    expect(r.ok ? null : r.errors).toMatchObject({ endsAt: "errors.endBeforeStart" });
    const r2 = parseWith(conferenceSchema, { ...conference, registrationClosesAt: "2021-12-20T08:00" });
    expect(r2.ok ? null : r2.errors).toEqual({ registrationClosesAt: "errors.registrationAfterEnd" });
    const r3 = parseWith(conferenceSchema, { ...conference, registrationOpensAt: "2021-12-11T08:00" });
    expect(r3.ok ? null : r3.errors).toEqual({ registrationClosesAt: "errors.registrationCloseBeforeOpen" });
  });
});

describe("auth schemas", () => {
  it("normalises e-mails and refuses malformed ones", () => {
    const ok = parseWith(loginSchema, { email: "  To-Chuc@NgoaiVu.TEST ", password: "x" });
    expect(ok.ok && ok.data.email).toBe("to-chuc@ngoaivu.test");
    const bad = parseWith(loginSchema, { email: "not-an-email", password: "" });
    expect(bad.ok ? null : bad.errors).toEqual({ email: "errors.email", password: "errors.required" });
  });

  it("refuses short, common and mismatched passwords", () => {
    expect(parseWith(setPasswordSchema, { password: "short", confirm: "short" })).toMatchObject({
      errors: { password: "errors.passwordTooShort" },
    });
    expect(parseWith(setPasswordSchema, { password: "Password123", confirm: "Password123" })).toMatchObject({
      errors: { password: "errors.passwordCommon" },
    });
    expect(parseWith(setPasswordSchema, { password: "x".repeat(129), confirm: "x" })).toMatchObject({
      errors: { password: "errors.passwordTooLong" },
    });
    expect(parseWith(setPasswordSchema, { password: "Vải thiều Lục Ngạn", confirm: "Vai thieu" })).toMatchObject({
      errors: { confirm: "errors.passwordMismatch" },
    });
    expect(
      parseWith(changePasswordSchema, {
        currentPassword: "a",
        password: "Vải thiều Lục Ngạn",
        confirm: "Vải thiều Lục Ngạn",
      }).ok,
    ).toBe(true);
  });
});

describe("people schemas", () => {
  it("keeps Vietnamese names exactly, in NFC", () => {
    const r = parseWith(inviteSchema, {
      fullName: "Nguyễn Thị Thu Hà".normalize("NFD"),
      email: "a@b.vn",
      role: "delegate",
      organisationId: "12",
    });
    expect(r.ok && r.data).toEqual({
      fullName: "Nguyễn Thị Thu Hà",
      email: "a@b.vn",
      role: "delegate",
      organisationId: 12,
    });
  });
  it("refuses an unknown role, a bad organisation id and a bad time zone", () => {
    expect(
      parseWith(inviteSchema, { fullName: "A", email: "a@b.vn", role: "admin", organisationId: "x" }),
    ).toMatchObject({
      errors: { role: "errors.choice", organisationId: "errors.unknownOrganisation" },
    });
    expect(parseWith(profileSchema, { fullName: "A", locale: "fr", timeZone: "Nowhere/City" })).toMatchObject({
      errors: { locale: "errors.choice", timeZone: "errors.timeZone" },
    });
  });
});
