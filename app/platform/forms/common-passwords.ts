/**
 * The worst passwords, refused outright (NIST SP 800-63B asks for a blocklist).
 * The most common from public breach lists, plus Vietnamese favourites.
 * Compared in lower case.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "12345678", "123456789", "1234567890", "12345678910", "123123123", "11111111", "00000000", "88888888",
  "66666666", "99999999", "12341234", "87654321", "11223344", "123456788", "1q2w3e4r", "1qaz2wsx",
  "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty123", "qwertyuiop",
  "qwerty12", "qwerty1234", "asdfghjk", "asdfghjkl", "zxcvbnm1", "abc12345", "abcd1234", "abcdefgh",
  "iloveyou", "iloveyou1", "sunshine", "princess", "football", "baseball", "welcome1", "welcome123",
  "admin123", "administrator", "letmein1", "trustno1", "superman", "starwars", "whatever", "dragon12",
  "monkey12", "master12", "computer", "internet", "changeme", "default1", "secret12", "test1234",
  "matkhau", "matkhau1", "matkhau123", "matkhau@123", "anhyeuem", "emyeuanh", "yeuemmaimai", "vietnam1",
  "vietnam123", "vietnam@123", "hanoi123", "hanoi@123", "saigon123", "hochiminh", "admin@123", "123456aa",
  "123456abc", "a1234567", "aa123456", "abc123456", "qwe12345", "zaq12wsx", "ngoaigiao", "ngoaivu123",
  "hoinghi123", "conference", "conference1", "12345qwert", "qazwsxedc", "1234qwer", "q1w2e3r4",
]);
