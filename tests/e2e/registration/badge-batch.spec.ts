import { expect, signIn, test } from "../fixtures";

test.use({ ownDatabase: true });

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

test("the organiser prints all badges in the background: the bar moves to done, then the PDF downloads", async ({
  page,
  app,
}) => {
  // 300 more approved in-person delegates (copies of the demo's one, each with its own e-mail and
  // badge code), so that the drawing lasts long enough for the bar to be seen moving.
  const total = await app.withDb(async (db) => {
    const [one] = await db
      .selectFrom("registrations")
      .selectAll()
      .where("status", "=", "approved")
      .where("mode", "=", "in_person")
      .execute();
    const { id: _id, ...row } = one;
    for (let i = 0; i < 300; i++)
      await db
        .insertInto("registrations")
        .values({
          ...row,
          user_id: null,
          email: `in-the-batch-${i}@tinh.gov.vn`,
          badge_code: `BATCH${String(i).padStart(5, "0")}`,
        })
        .execute();
    return 301;
  });

  await signIn(page, "organiser");
  await page.goto("/admin/delegates");
  await page.getByRole("button", { name: "In thẻ (PDF)" }).click();
  await expect(page).toHaveURL(/\/admin\/badges\/batch$/);
  await expect(page.getByRole("heading", { name: "In toàn bộ thẻ đại biểu" })).toBeVisible();

  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  // Watch the bar until it reaches 100: it reports the values it went through.
  const seen = new Set<string>();
  let shot: Buffer | null = null;
  await expect
    .poll(
      async () => {
        seen.add((await bar.getAttribute("aria-valuenow")) ?? "");
        const state = await page.getByTestId("job-progress").getAttribute("data-state");
        const step = (await page.getByTestId("job-step").textContent()) ?? "";
        if (!shot && step.startsWith("Đang in thẻ"))
          shot = await page.screenshot({ path: "/tmp/w8/badge-batch-running.png" });
        return state;
      },
      { timeout: 45_000, intervals: [100] },
    )
    .toBe("done");
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("job-step")).toHaveText("Đã xong.");
  expect(seen.size, `values seen: ${[...seen].join(", ")}`).toBeGreaterThanOrEqual(2);
  // The page's data is read again once the job has ended: the button may start a new batch.
  await expect(page.getByRole("button", { name: "In lại toàn bộ thẻ (301)" })).toBeEnabled();
  await page.waitForTimeout(600); // the bar's width transition
  await page.screenshot({ path: "/tmp/w8/badge-batch-1366.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/w8/badge-batch-390.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("job-download").click()]);
  expect(download.suggestedFilename()).toBe("badges-hoi-nghi-ngoai-vu-20.pdf");
  const pdf = Buffer.from(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pageCount(pdf)).toBe(total);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page refreshes itself until the batch is done and offers the download", async ({ page }) => {
    await signIn(page, "organiser");
    await page.goto("/admin/delegates");
    await page.getByRole("button", { name: "In thẻ (PDF)" }).click();
    await expect(page).toHaveURL(/\/admin\/badges\/batch$/);
    // The one demo badge is quick; whether the first page caught it running or not, it ends done.
    await expect(page.getByTestId("job-progress")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    const href = await page.getByTestId("job-download").getAttribute("href");
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(pageCount(await file.body())).toBe(1);
  });
});
