import { describe, expect, it } from "vitest";
import { translate } from "~/features/agenda/i18n";
import { beyondPlaces, effectiveCapacity, newlyOver, signUpsOver } from "~/features/agenda/rules";

describe("a session's places against its sign-ups", () => {
  it("takes the session's own places, else its room's, else no limit", () => {
    expect(effectiveCapacity(30, 200)).toBe(30);
    expect(effectiveCapacity(0, 200)).toBe(0);
    expect(effectiveCapacity(null, 200)).toBe(200);
    expect(effectiveCapacity(null, null)).toBeNull();
    expect(effectiveCapacity(null, undefined)).toBeNull();
  });

  it("counts the sign-ups beyond the places, none without a limit", () => {
    expect(signUpsOver(10, 12)).toBe(2);
    expect(signUpsOver(10, 10)).toBe(0);
    expect(signUpsOver(10, 3)).toBe(0);
    expect(signUpsOver(null, 500)).toBe(0);
  });

  it("asks for a confirmation only when a change puts more sign-ups beyond the places", () => {
    expect(newlyOver(50, 30, 40)).toBe(10);
    // Lowering to what is still enough, raising, and removing the limit need none.
    expect(newlyOver(50, 40, 40)).toBe(0);
    expect(newlyOver(30, 50, 40)).toBe(0);
    expect(newlyOver(30, null, 40)).toBe(0);
    // Already over by 10: lowering further puts 5 more over; keeping the number puts nobody more.
    expect(newlyOver(30, 25, 40)).toBe(5);
    expect(newlyOver(30, 30, 40)).toBe(0);
    // From no limit to fewer places than are signed up.
    expect(newlyOver(null, 35, 40)).toBe(5);
  });

  it("names the last to sign up as beyond the places, latest first", () => {
    const signUps = [
      { registration_id: 4, created_at: "2026-12-01T08:03:00.000Z" },
      { registration_id: 1, created_at: "2026-12-01T08:00:00.000Z" },
      { registration_id: 3, created_at: "2026-12-01T08:02:00.000Z" },
      { registration_id: 2, created_at: "2026-12-01T08:02:00.000Z" },
    ];
    expect(beyondPlaces(signUps, 2).map((s) => s.registration_id)).toEqual([4, 3]);
    expect(beyondPlaces(signUps, 0).map((s) => s.registration_id)).toEqual([4, 3, 2, 1]);
    expect(beyondPlaces(signUps, 4)).toEqual([]);
    expect(beyondPlaces(signUps, null)).toEqual([]);
  });

  it("says in both languages how many are over, and that nobody is moved", () => {
    const params = { capacity: 1, signedUp: 1, over: 0 };
    expect(translate("en", "agenda.errors.capacityBelowSignUps", { ...params, signedUp: 4, over: 3 })).toBe(
      "The new number of places (1) is below the 4 delegates signed up in person, so 3 would be over the places. Nobody is moved automatically.",
    );
    expect(translate("en", "agenda.errors.capacityBelowSignUps", { ...params, capacity: 0, over: 1 })).toContain(
      "below the 1 delegate signed up",
    );
    expect(translate("vi", "agenda.errors.capacityBelowSignUps", { capacity: 30, signedUp: 42, over: 12 })).toBe(
      "Số chỗ mới (30) ít hơn 42 đại biểu đã đăng ký dự trực tiếp, 12 người sẽ vượt quá số chỗ. Không ai bị chuyển đi tự động.",
    );
  });
});
