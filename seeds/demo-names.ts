/**
 * Vietnamese names and a seeded random number generator for the conference-size demo
 * (seeds/demo-conference.ts). Family names follow their rough frequency in Viet Nam;
 * a full name is family + middle + given name, in NFC. Nothing here reads Math.random:
 * the same seed gives the same people.
 */

/** mulberry32: a small, fast, seeded PRNG with a 2^32 period; plenty for a demo. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    /** 0 ≤ result < n */
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
    /** items as [value, weight] pairs */
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>): T => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, w] of items) {
        roll -= w;
        if (roll < 0) return value;
      }
      return items[items.length - 1][0];
    },
    bytes: (n: number): Uint8Array => Uint8Array.from({ length: n }, () => int(256)),
  };
}
export type SeededRandom = ReturnType<typeof seededRandom>;

/** Family names and their approximate share (per cent) of the population. */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9.5],
  ["Phạm", 7],
  ["Hoàng", 4],
  ["Huỳnh", 2],
  ["Phan", 4.5],
  ["Vũ", 3.5],
  ["Võ", 2],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 0.5],
  ["Đinh", 0.6],
  ["Trịnh", 0.5],
  ["Đoàn", 0.5],
  ["Lương", 0.4],
  ["Mai", 0.3],
  ["Tạ", 0.2],
  ["Cao", 0.3],
  ["Lưu", 0.2],
];

export const MALE_MIDDLE = [
  "Văn",
  "Đức",
  "Minh",
  "Quốc",
  "Hữu",
  "Thanh",
  "Xuân",
  "Công",
  "Ngọc",
  "Trọng",
  "Đình",
  "Anh",
];
export const FEMALE_MIDDLE = ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Kim", "Hồng", "Thùy", "Bích"];

export const MALE_GIVEN = [
  "Hùng",
  "Dũng",
  "Tuấn",
  "Minh",
  "Nam",
  "Hải",
  "Sơn",
  "Long",
  "Quang",
  "Thắng",
  "Cường",
  "Phong",
  "Trung",
  "Hiếu",
  "Khoa",
  "Bình",
  "Hoàng",
  "Thành",
  "Đạt",
  "Toàn",
  "Vinh",
  "Huy",
  "Lâm",
  "Tùng",
  "Khánh",
  "Việt",
  "Hưng",
  "Phúc",
  "Tâm",
  "Nghĩa",
  "Quân",
  "Kiên",
];
export const FEMALE_GIVEN = [
  "Lan",
  "Hương",
  "Hà",
  "Mai",
  "Linh",
  "Trang",
  "Thảo",
  "Hằng",
  "Nga",
  "Huyền",
  "Yến",
  "Thủy",
  "Ngọc",
  "Vân",
  "Dung",
  "Hạnh",
  "Phương",
  "Loan",
  "Oanh",
  "Quyên",
  "Thư",
  "Giang",
  "Anh",
  "Nhung",
  "Châu",
  "Hoa",
  "Liên",
  "Tuyết",
  "Xuân",
  "Diệp",
];
/** The first part of a two-syllable given name ("Thu Hà", "Quang Minh"). */
export const MALE_GIVEN_FIRST = ["Quang", "Tuấn", "Hoàng", "Minh", "Việt", "Đức", "Hải"];
export const FEMALE_GIVEN_FIRST = ["Thu", "Lan", "Thanh", "Ngọc", "Mai", "Bảo", "Diệu"];

export type Gender = "male" | "female";

export interface PersonName {
  fullName: string;
  family: string;
  given: string;
  gender: Gender;
}

/** A Vietnamese full name, never one of `taken` (the demo accounts' names stay unique). */
export function vietnameseName(random: SeededRandom, gender: Gender, taken: ReadonlySet<string>): PersonName {
  for (;;) {
    const family = random.weighted(FAMILY_NAMES);
    const middle = random.pick(gender === "male" ? MALE_MIDDLE : FEMALE_MIDDLE);
    const last = random.pick(gender === "male" ? MALE_GIVEN : FEMALE_GIVEN);
    const given = random.chance(0.2)
      ? `${random.pick(gender === "male" ? MALE_GIVEN_FIRST : FEMALE_GIVEN_FIRST)} ${last}`
      : last;
    if (given.startsWith(middle)) continue;
    const fullName = `${family} ${middle} ${given}`.normalize("NFC");
    if (!taken.has(fullName)) return { fullName, family, given, gender };
  }
}
