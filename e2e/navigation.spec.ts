/**
 * Every navigation link, per role: the header's page links, the Admin link, the profile link and (for admins) the
 * admin section's links. Each must answer 2xx with its own heading: a 200 "please sign in" or "not allowed" page
 * is a failure, as is a 404 or 500.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./fixtures";

/** The heading each linked page must show (its <h1>). */
const HEADINGS: Record<string, string> = {
  "/board": "Find jobs",
  "/jobs/new": "Post a cleanup",
  "/my-jobs": "My jobs",
  "/recurring": "Recurring cleanups",
  "/yards": "Saved yards",
  "/today": "Today",
  "/earnings": "Earnings",
  "/payments": "Payments",
  "/profile": "Your profile",
  "/admin": "Dashboard",
  "/admin/users": "Users",
  "/admin/jobs": "Jobs",
  "/admin/subscriptions": "Recurring cleanups",
  "/admin/emails": "Sent emails",
  "/admin/disputes": "Open disputes",
  "/admin/chargebacks": "Card disputes",
  "/admin/scoopers": "Scoopers awaiting approval",
  "/admin/attestations": "Scooper statements",
  "/admin/weather": "Weather skips",
  "/admin/queues": "Background queues",
  "/admin/audit": "Audit log",
};

const ROLES = [
  { name: "customer", creds: DEMO.customer, nav: ["/jobs/new", "/my-jobs", "/recurring", "/yards", "/payments"] },
  { name: "scooper", creds: DEMO.scooper, nav: ["/board", "/today", "/my-jobs", "/earnings"] },
  { name: "admin", creds: DEMO.admin, nav: ["/board", "/today", "/jobs/new", "/my-jobs", "/recurring", "/yards", "/payments", "/earnings"] },
] as const;

async function hrefs(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

for (const role of ROLES) {
  test(`every navigation link works for a ${role.name}`, async ({ page }) => {
    await signIn(page, role.creds);
    await page.goto("/");
    const nav = await hrefs(page, 'nav[aria-label="Main"] a');
    expect(nav).toEqual([...role.nav]);
    const links = [...nav, ...(await hrefs(page, 'header a[href="/profile"], header a[href="/admin"]'))];
    if (role.name === "admin") {
      await page.goto("/admin");
      links.push(...(await hrefs(page, "nav:not([aria-label]) a")).filter((h) => h.startsWith("/admin")));
    }
    const unique = [...new Set(links)];
    expect(unique.length).toBeGreaterThan(role.nav.length);
    for (const href of unique) {
      const response = await page.goto(href);
      expect(response?.status(), `${href} status`).toBeLessThan(400);
      expect(HEADINGS[href], `${href} has an expected heading in this spec`).toBeTruthy();
      await expect(page.getByRole("heading", { level: 1 }).first(), `${href} heading`).toHaveText(HEADINGS[href]!);
      await expect(page.getByText(/please sign in|not allowed|page could not be found/i)).toHaveCount(0);
    }
  });
}
