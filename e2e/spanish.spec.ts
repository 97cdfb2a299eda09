/**
 * Issue 17: Scoop in Spanish. A browser that asks for Spanish (es-US) signs up, posts a job and another Spanish
 * browser claims it, every page in Spanish (`<html lang="es">`) and free of serious accessibility violations; the
 * language switcher changes the language and the choice survives a reload, signed in (saved on the account) and
 * signed out (the scoop-locale cookie).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { completeScooperOnboarding, distinctivePrice, linkFromMailbox, personContext, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

const SPANISH = { locale: "es-US" } as const;

async function expectSpanishAndAccessible(page: Page, screenName?: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
  if (screenName) await screens(page, screenName);
}

async function signUpInSpanish(page: Page, opts: { name: string; email: string; scooper?: boolean }) {
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Cree su cuenta de Scoop" })).toBeVisible();
  await page.getByLabel("Su nombre").fill(opts.name);
  await page.getByLabel("Correo electrónico").fill(opts.email);
  await page.getByLabel("Contraseña").fill("contraseña segura 123");
  if (opts.scooper) await page.getByLabel(/Limpiar patios y cobrar/).check();
  await page.getByLabel(/Acepto los términos/).check();
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByText("Revise su bandeja de entrada")).toBeVisible();
  await page.goto(await linkFromMailbox(page, opts.email, "sign-up-confirmation"));
  await expect(page.getByTestId("signed-in-as")).toHaveText(opts.name);
  // A scooper's onboarding (profile, photo, statements) before their first claim, as the other specs' scoopers.
  if (opts.scooper) await completeScooperOnboarding(page, opts.name);
}

test("a Spanish-speaking customer signs up and posts a job, a Spanish-speaking scooper claims it, all in Spanish", async ({ browser }) => {
  // Two sign-ups, a post, a claim and axe on six pages: longer than one page's default budget.
  test.setTimeout(240_000);
  const customerContext = await personContext(browser, SPANISH);
  const scooperContext = await personContext(browser, SPANISH);
  const customer = await customerContext.newPage();
  const scooper = await scooperContext.newPage();

  await customer.goto("/");
  await expect(customer.getByRole("heading", { level: 1, name: "Un patio limpio, sin tener que recoger" })).toBeVisible();
  await expect(customer.getByRole("link", { name: "Reservar una limpieza" })).toBeVisible();
  await expectSpanishAndAccessible(customer, "es-landing");

  await signUpInSpanish(customer, { name: "Carmen Cliente", email: uniqueEmail("es-customer") });
  await expect(customer.getByRole("heading", { name: "Su perfil" })).toBeVisible();
  await expectSpanishAndAccessible(customer);

  await customer.goto("/jobs/new");
  await expect(customer.getByRole("heading", { level: 1, name: "Publicar una limpieza" })).toBeVisible();
  await expect(customer.getByTestId("payment-summary")).toContainText("Lo que usted paga");
  await expectSpanishAndAccessible(customer, "es-post-form");
  const price = distinctivePrice(377);
  await customer.getByLabel("Dirección").fill(`${Math.floor(Math.random() * 900) + 100} Calle Limpia, Brooklyn`);
  await customer.getByLabel("Precio (USD)").fill(price);
  await customer.getByLabel("El marcador está en mi patio").check();
  await customer.getByRole("button", { name: `Publicar por $${price}` }).click();
  await expect(customer.getByText(/^Publicado\. Se queda en el mapa hasta el /)).toBeVisible();
  const href = await customer.getByRole("link", { name: "Ver el trabajo" }).getAttribute("href");
  const jobId = href?.match(/^\/jobs\/(.+)$/)?.[1];
  expect(jobId).toBeTruthy();

  await customer.goto(`/jobs/${jobId}`);
  await expect(customer.getByTestId("job-status")).toHaveText("Abierto");
  await expect(customer.getByText(/^Vence en/)).toBeVisible();
  await expectSpanishAndAccessible(customer, "es-job-open");

  await signUpInSpanish(scooper, { name: "Sergio Scooper", email: uniqueEmail("es-scooper"), scooper: true });
  await scooper.goto("/board");
  await expect(scooper.getByRole("heading", { level: 1, name: "Buscar trabajos" })).toBeAttached();
  await expect(scooper.getByRole("combobox", { name: "Ordenar" })).toBeVisible();
  await expectSpanishAndAccessible(scooper, "es-board");

  await scooper.goto(`/jobs/${jobId}`);
  await scooper.getByRole("button", { name: "Tomar este trabajo" }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("Tomado");
  await expect(scooper.getByTestId("timeline")).toContainText("Tomado por el scooper");
  await expectSpanishAndAccessible(scooper, "es-job-claimed");

  await customer.goto("/my-jobs");
  await expect(customer.getByRole("heading", { name: "Tomados o en curso" })).toBeVisible();
  await expectSpanishAndAccessible(customer);

  // The switcher: saved on the account, so English survives a reload (and wins over the browser's Spanish).
  await customer.getByTestId("language-switcher").first().selectOption("en");
  await expect(customer.locator("html")).toHaveAttribute("lang", "en");
  await expect(customer.getByRole("heading", { name: "My jobs" })).toBeVisible();
  await customer.reload();
  await expect(customer.locator("html")).toHaveAttribute("lang", "en");
  await expect(customer.getByRole("heading", { name: "Claimed or in progress" })).toBeVisible();

  await customerContext.close();
  await scooperContext.close();
});

test("a visitor whose browser asks for English switches to Spanish, and it persists after a reload", async ({ browser }) => {
  const context = await personContext(browser, { locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "A clean yard, without the scooping" })).toBeVisible();
  const switcher = page.getByRole("combobox", { name: "Language" });
  await switcher.focus();
  await switcher.selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Un patio limpio, sin tener que recoger" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Un patio limpio, sin tener que recoger" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Idioma" })).toHaveValue("es");
  await context.close();
});
