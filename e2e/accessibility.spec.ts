/**
 * Issue 16: accessibility as a test. axe-core checks the main pages once per role (not per step, to keep the
 * e2e time down) and the test fails on any serious or critical violation, listing each rule and where it hit.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, personContext, signIn } from "./fixtures";
import { screens } from "./screens";

async function expectNoSeriousViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) on ${path}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

const ROLES = [
  { name: "visitor", creds: null, pages: ["/", "/sign-in", "/sign-up", "/board", "/no-such-page"] },
  { name: "customer", creds: DEMO.customer, pages: ["/", "/jobs/new", "/my-jobs", "/recurring", "/payments", "/profile"] },
  { name: "scooper", creds: DEMO.scooper, pages: ["/board", "/my-jobs", "/earnings", "/scooper/onboarding"] },
  { name: "admin", creds: DEMO.admin, pages: ["/admin", "/admin/users", "/admin/jobs", "/admin/audit", "/admin/scoopers", "/admin/attestations"] },
] as const;

for (const role of ROLES) {
  test(`the main pages have no serious accessibility violations for a ${role.name}`, async ({ browser }) => {
    const context = await personContext(browser);
    const page = await context.newPage();
    if (role.creds) await signIn(page, role.creds);
    for (const path of role.pages) {
      await expectNoSeriousViolations(page, path);
      // What each role sees on each main page, at desktop and phone width (.data/test-results/screens/).
      await screens(page, `${role.name}${path === "/" ? "-home" : path.replaceAll("/", "-")}`);
    }
    await context.close();
  });
}
