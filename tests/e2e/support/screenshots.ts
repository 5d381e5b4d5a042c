import { mkdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";

/**
 * Screenshots for a person to look at (issue 12: every delegate page at a phone's and a desk's
 * size), written only when SCREENSHOTS_DIR is set; never part of what a test checks.
 */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${name}.png`;
  if ("goto" in target) await target.screenshot({ path, fullPage: options.fullPage });
  else await target.screenshot({ path });
}
