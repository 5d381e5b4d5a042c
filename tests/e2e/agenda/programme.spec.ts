import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { expect, signIn, test } from "../fixtures";
import { demoConference } from "../support/dates";

const TITLE = "Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương";
/** The demo's first day (13 December, in the year the seed chose from the app's clock). */
const firstDay = () => demoConference().startsAt.slice(0, 10);
const dayVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test.describe("signing up (own database: the test takes a place)", () => {
  test.use({ ownDatabase: true });

  test("a delegate signs up for a session, sees it in My agenda and downloads the ICS", async ({ page }) => {
    await signIn(page, "delegate");
    await page.goto("/programme");
    await expect(page.getByRole("heading", { level: 1, name: "Chương trình hội nghị" })).toBeVisible();
    const card = page.getByTestId("session-card").filter({ has: page.getByRole("heading", { name: TITLE }) });
    await expect(card).toContainText(`${dayVi(firstDay())}, 10:20–12:00`);
    await expect(card).toContainText("Còn 150/150 chỗ dự trực tiếp");
    await card.getByRole("button", { name: "Đăng ký dự phiên" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Đã đăng ký phiên “${TITLE}”` })).toBeVisible();
    await expect(card).toContainText("Đã đăng ký (trực tiếp)");
    await expect(card).toContainText("Còn 149/150 chỗ dự trực tiếp");

    // The parallel session clashes: refused with the other session's name, and its places are untouched.
    const other = page
      .getByTestId("session-card")
      .filter({ has: page.getByRole("heading", { name: /^Phiên thảo luận 2/ }) });
    await other.getByRole("button", { name: "Đăng ký dự phiên" }).click();
    await expect(other.getByRole("alert")).toContainText(`Trùng giờ với phiên “${TITLE}”`);
    await expect(other).toContainText("Còn 150/150 chỗ dự trực tiếp");

    await page.getByTestId("main-nav").getByRole("link", { name: "Lịch của tôi" }).click();
    await expect(page).toHaveURL(/\/my-agenda$/);
    const item = page.getByTestId("agenda-item").filter({ hasText: TITLE });
    await expect(item).toContainText("Đã đăng ký (trực tiếp)");
    await expect(item).toContainText("Phòng họp 1");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải lịch của tôi (ICS)" }).click(),
    ]);
    const text = readFileSync((await download.path())!, "utf8");
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const event = events.find((e) => e.summary === TITLE)!;
    expect(event).toBeTruthy();
    expect(event.location).toBe("Phòng họp 1");
    // 10:20–12:00 in Hà Nội (GMT+7) on the first day is 03:20–05:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe(`${firstDay()}T03:20:00.000Z`);
    expect(event.endDate.toJSDate().toISOString()).toBe(`${firstDay()}T05:00:00.000Z`);

    // Cancelling frees the place.
    await item.getByRole("button", { name: "Hủy đăng ký phiên" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã hủy đăng ký phiên." })).toBeVisible();
    await expect(page.getByTestId("agenda-item").filter({ hasText: TITLE })).toHaveCount(0);
    await page.goto("/programme");
    await expect(card).toContainText("Còn 150/150 chỗ dự trực tiếp");
    await expect(card.getByRole("button", { name: "Đăng ký dự phiên" })).toBeVisible();
  });
});

test("the programme shows a second time line for a browser in Los Angeles", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ timezoneId: "America/Los_Angeles", baseURL });
  const page = await context.newPage();
  await page.goto("/programme");
  await expect
    .poll(async () => (await context.cookies()).find((c) => c.name === "tz")?.value)
    .toBe("America%2FLos_Angeles");
  await page.reload();
  const card = page.getByTestId("session-card").filter({ has: page.getByRole("heading", { name: TITLE }) });
  await expect(card.getByText(/Giờ Hà Nội \(GMT\+7\)/)).toBeVisible();
  // 03:20–05:00 UTC on 13 December is 19:20–21:00 the evening before in Los Angeles, on winter time (GMT-8).
  const eve = new Date(Date.parse(`${firstDay()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await expect(card.getByTestId("viewer-time")).toContainText(`${dayVi(eve)}, 19:20–21:00 (Los Angeles, GMT-8)`);
  // A visitor is offered to sign in rather than a sign-up button.
  await expect(card.getByRole("link", { name: "Đăng nhập để đăng ký dự phiên" })).toBeVisible();
  await context.close();
});
