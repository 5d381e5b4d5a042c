import type { Page } from "@playwright/test";
import { expect, signIn, test, type App } from "../fixtures";

// Changes a session's places and its sign-ups: on a database of its own.
test.use({ ownDatabase: true });

/** A discussion with 2 places, both taken in person: the demo's two delegates, the second signing up later. */
async function fullDiscussion(app: App) {
  return app.withDb(async (db) => {
    const session = await db
      .selectFrom("sessions")
      .select(["id", "title_vi"])
      .where("kind", "=", "discussion")
      .where("requires_signup", "=", 1)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const people = await db.selectFrom("registrations").select(["id", "full_name"]).orderBy("id").limit(2).execute();
    await db.deleteFrom("session_signups").where("session_id", "=", session.id).execute();
    await db.updateTable("sessions").set({ capacity: 2 }).where("id", "=", session.id).execute();
    await db
      .insertInto("session_signups")
      .values(
        people.map((p, i) => ({
          session_id: session.id,
          registration_id: p.id,
          mode: "in_person" as const,
          created_at: `2026-11-2${i}T08:00:00.000Z`,
        })),
      )
      .execute();
    return { id: session.id, first: people[0], last: people[1] };
  });
}

const stored = (app: App, id: number) =>
  app.withDb(async (db) => ({
    capacity: (await db.selectFrom("sessions").select("capacity").where("id", "=", id).executeTakeFirstOrThrow())
      .capacity,
    signUps: (await db.selectFrom("session_signups").select("registration_id").where("session_id", "=", id).execute())
      .length,
  }));

async function lowerToOne(page: Page) {
  await page.getByLabel("Tên phiên (tiếng Anh)").fill("Places test — typed and kept");
  await page.getByLabel("Số chỗ dự trực tiếp").fill("1");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
}

async function warnedThenConfirmed(page: Page, app: App, s: Awaited<ReturnType<typeof fullDiscussion>>, shoot = false) {
  await lowerToOne(page);
  const warning = "Số chỗ mới (1) ít hơn 2 đại biểu đã đăng ký dự trực tiếp, 1 người sẽ vượt quá số chỗ.";
  await expect(page.getByRole("alert").filter({ hasText: "Chưa lưu được phiên" })).toContainText(warning);
  await expect(page.locator(".field-error").filter({ hasText: warning })).toBeVisible();
  await expect(page.getByLabel("Tên phiên (tiếng Anh)")).toHaveValue("Places test — typed and kept");
  await expect(page.getByLabel("Số chỗ dự trực tiếp")).toHaveValue("1");
  expect(await stored(app, s.id)).toEqual({ capacity: 2, signUps: 2 });
  if (shoot) await page.screenshot({ path: "/tmp/qc/session-warning.png", fullPage: true });

  await page.getByLabel(/Vẫn lưu số chỗ mới; không ai bị chuyển đi/).check();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thay đổi." })).toBeVisible();
  expect(await stored(app, s.id)).toEqual({ capacity: 1, signUps: 2 });

  const over = page.getByTestId("signups-over");
  await expect(over.getByRole("heading", { name: "Đăng ký vượt số chỗ" })).toBeVisible();
  await expect(over).toContainText("2 đại biểu đăng ký dự trực tiếp, phiên có 1 chỗ");
  await expect(over.getByRole("listitem")).toHaveCount(1);
  await expect(over.getByRole("listitem")).toContainText(s.last.full_name);
  await expect(over.getByRole("link", { name: `Mở trang đại biểu: ${s.last.full_name}` })).toHaveAttribute(
    "href",
    `/admin/delegates/${s.last.id}`,
  );
}

test("an organiser lowering a session's places is warned, confirms, and sees who is over", async ({ page, app }) => {
  const s = await fullDiscussion(app);
  await signIn(page, "organiser", `/admin/agenda/${s.id}`);
  await expect(page.getByText("Đã đăng ký: 2 trực tiếp")).toBeVisible();
  await warnedThenConfirmed(page, app, s, true);

  for (const [width, height] of [
    [390, 844],
    [1366, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId("signups-over").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/qc/session-over-${width}.png` });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the warning, the confirmation and the list work the same", async ({ page, app }) => {
    const s = await fullDiscussion(app);
    await signIn(page, "organiser", `/admin/agenda/${s.id}`);
    await warnedThenConfirmed(page, app, s);
  });
});
