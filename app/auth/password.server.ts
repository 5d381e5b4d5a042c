import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * scrypt at OWASP's strength (N=2^17, r=8, p=1), from Node's own crypto so that
 * no native add-on is needed. The parameters travel inside the hash, so that
 * they can be raised later without breaking old passwords.
 */
const N_LOG2 = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, nLog2: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** nLog2;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N_LOG2, R, P);
  return `scrypt$${N_LOG2}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const parts = hash.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [nLog2, r, p] = parts.slice(1, 4).map(Number);
  if (![nLog2, r, p].every(Number.isInteger) || nLog2 > 20) return false;
  const expected = Buffer.from(parts[5], "base64");
  const actual = await scrypt(password, Buffer.from(parts[4], "base64"), nLog2, r, p);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A real hash of nothing: unknown e-mails take as long to refuse as known ones. */
let dummyHash: Promise<string> | null = null;
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(12).toString("hex"));
  await verifyPassword(await dummyHash, password);
}
