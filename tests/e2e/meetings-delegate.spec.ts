import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Asserts on data and form fields rather than on labels: the page's dictionary module is wired by the lead engineer.
test("a province delegate searches the parties, is checked as they type, and sees the refusal clearly", async ({ page }) => {
  await signIn(page, "delegate", "/meetings");
  await expect(page).toHaveURL(/\/meetings$/);
  const parties = page.getByTestId("parties");
  await expect(parties).toContainText("Nhật Bản");

  // Diacritic-insensitive search through the organisations' search keys.
  await page.locator("input[name=q]").fill("nhat ban");
  await page.locator("input[name=q]").press("Enter");
  await expect(page).toHaveURL(/q=nhat\+ban/);
  await expect(parties.getByRole("listitem").first()).toContainText("Nhật Bản");

  // With JavaScript the same schema checks instantly: nothing is sent.
  const form = page.locator("form", { has: page.locator("select[name=toOrganisationId]") });
  await form.locator("button[type=submit]").click();
  await expect(form.locator("[aria-invalid=true]")).toHaveCount(3);

  await parties.getByRole("link").first().click();
  await expect(form.locator("select[name=toOrganisationId]")).not.toHaveValue("");
  await form.locator("input[name=sector]").fill("Nông nghiệp");
  await form.locator("textarea[name=ask]").fill("Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản");
  await form.locator("select[name=priority]").selectOption("3");
  await form.locator("button[type=submit]").click();
  // The demo has no meeting block yet: the model's refusal is shown on the form, translated.
  await expect(form.getByText("Ban tổ chức chưa mở các lượt gặp song phương.")).toBeVisible();
});

test("a mission delegate sees the requests side and the maximum form", async ({ page }) => {
  await signIn(page, "ambassador", "/meetings");
  await expect(page.locator("input[name=maxMeetings]")).toBeVisible();
  await expect(page.locator("select[name=toOrganisationId]")).toHaveCount(0);
});
