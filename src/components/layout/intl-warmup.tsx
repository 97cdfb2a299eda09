"use client";
/**
 * Builds a number, plural and date formatter for the page's language right after hydration, each in a task of its
 * own. The first `Intl.NumberFormat` a page builds loads the engine's number data: measured in Chromium at
 * 4× CPU slowdown, ~50 ms for the first and under 1 ms for each one after it (the first date formatter ~12 ms). Left
 * to the first render that shows a price or a count, that cost landed inside the board's longest task (the render
 * of the board query's answer); here it runs on its own, before the page's data has arrived (issue 16's Lighthouse
 * blocking time). Nothing depends on it: a formatter built later by a render is as correct, only slower to build.
 */
import { useEffect } from "react";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import { inSlices } from "@/lib/in-slices";
import { formatCents } from "@/lib/money";

export function IntlWarmup({ locale }: { locale: Locale }) {
  useEffect(() => {
    const steps = [
      () => formatCents(0, locale),
      () => {
        new Intl.PluralRules(locale).select(1);
        new Intl.NumberFormat(locale).format(1);
      },
      () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short" }).format(0),
    ];
    return inSlices(steps, (step) => step(), 0);
  }, [locale]);
  return null;
}
