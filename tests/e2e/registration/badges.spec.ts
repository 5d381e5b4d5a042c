import { expect, signIn, test } from "../fixtures";

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

test("the approved delegate downloads their own badge; the staff address refuses them", async ({ page }) => {
  await signIn(page, "delegate");
  const own = await page.request.get("/my-registration/badge.pdf");
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  expect(own.headers()["cache-control"]).toBe("no-store");
  const pdf = await own.body();
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pageCount(pdf)).toBe(1);

  expect((await page.request.get("/admin/badges.pdf")).status()).toBe(403);
});

test("an organiser downloads the batch of in-person badges", async ({ page }) => {
  await signIn(page, "organiser");
  const batch = await page.request.get("/admin/badges.pdf");
  expect(batch.status()).toBe(200);
  expect(batch.headers()["content-disposition"]).toContain("badges-hoi-nghi-ngoai-vu-20.pdf");
  const pdf = await batch.body();
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // The demo has one approved in-person delegate (the ambassador attends online).
  expect(pageCount(pdf)).toBe(1);
});
