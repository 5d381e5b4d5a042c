import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from "~/platform/i18n";
import type { RootData } from "~/root";

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  return translator(useLocale());
}

/** Picks the vi or en variant of a bilingual column pair. */
export function useBilingual() {
  const locale = useLocale();
  return (vi: string | null | undefined, en: string | null | undefined) => (locale === "en" ? en || vi : vi || en) ?? "";
}
