/**
 * The dependency direction is a lint rule (eslint.config.mjs), and it bites: a wrong-way import in each layer is
 * reported by ESLint with the project's own configuration. Fixture code is linted as text under a path in that
 * layer; no file is written.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The cycle rule reads the linted file from disk, and these fixtures exist only as text: it is off here.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [{ rules: { "import/no-cycle": "off" } }] });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import direction", () => {
  it("refuses server code in a component", async () => {
    const found = await restrictedImports("src/components/jobs/fixture.tsx", 'import { getJob } from "@/server/jobs/get-job";\nexport const x = getJob;\n');
    expect(found).toEqual([expect.stringContaining("Components import src/lib, src/trpc")]);
  });

  it("refuses the API layer, pages or components in a domain and in the worker", async () => {
    for (const filePath of ["src/server/jobs/fixture.ts", "worker/processors/fixture.ts"]) {
      const found = await restrictedImports(filePath, 'import { appRouter } from "@/server/api/root";\nimport { JobView } from "@/components/jobs/job-view";\nexport const x = [appRouter, JobView];\n');
      expect(found).toHaveLength(2);
    }
  });

  it("refuses jobs or recurring code in payments, which they call and not the other way round", async () => {
    const found = await restrictedImports(
      "src/server/payments/steps/fixture.ts",
      'import { openPaidJob } from "@/server/jobs/payment-gate";\nimport { upcomingDates } from "@/server/recurring/generate";\nexport const x = [openPaidJob, upcomingDates];\n',
    );
    expect(found).toEqual([expect.stringContaining("Payments imports nothing"), expect.stringContaining("Payments imports nothing")]);
    // The API layer stays refused there too, and infrastructure stays allowed.
    expect(await restrictedImports("src/server/payments/fixture.ts", 'import { appRouter } from "@/server/api/root";\nexport const x = appRouter;\n')).toHaveLength(1);
    expect(await restrictedImports("src/server/payments/fixture.ts", 'import { db } from "@/server/db";\nexport const x = db;\n')).toEqual([]);
  });

  it("refuses a domain in shared infrastructure (audit log, outbox, queues, email, db …)", async () => {
    for (const filePath of ["src/server/outbox/fixture.ts", "src/server/audit/fixture.ts", "src/server/db.ts"]) {
      const found = await restrictedImports(filePath, 'import { postJob } from "@/server/jobs/post-job";\nexport const x = postJob;\n');
      expect(found, filePath).toEqual([expect.stringContaining("Shared infrastructure sits below the domains")]);
    }
    expect(await restrictedImports("src/server/outbox/fixture.ts", 'import { getQueue } from "@/server/queues/queues";\nexport const x = getQueue;\n')).toEqual([]);
  });

  it("refuses a domain reaching into another domain's internal files, and allows its public modules", async () => {
    const internal = await restrictedImports("src/server/disputes/fixture.ts", 'import { claimJob } from "@/server/jobs/claim-job";\nexport const x = claimJob;\n');
    expect(internal).toEqual([expect.stringContaining("Another domain imports jobs only through its public modules")]);
    const nested = await restrictedImports("src/server/webhooks/fixture.ts", 'import { x as y } from "@/server/payments/gateway/stripe-gateway";\nexport const x = y;\n');
    expect(nested).toEqual([expect.stringContaining("imports payments only through its public modules")]);
    // Public modules (also nested ones) and the domain's own files stay open.
    expect(await restrictedImports("src/server/disputes/fixture.ts", 'import { jobDetailSchema } from "@/server/jobs/dto";\nexport const x = jobDetailSchema;\n')).toEqual([]);
    expect(await restrictedImports("src/server/webhooks/fixture.ts", 'import { getBilling } from "@/server/payments/billing/billing";\nexport const x = getBilling;\n')).toEqual([]);
    expect(await restrictedImports("src/server/jobs/fixture.ts", 'import { claimJob } from "@/server/jobs/claim-job";\nexport const x = claimJob;\n')).toEqual([]);
    // A domain with no public modules is imported by entry points only.
    expect(await restrictedImports("src/server/jobs/fixture.ts", 'import { x as y } from "@/server/admin/outbox";\nexport const x = y;\n')).toEqual([
      expect.stringContaining("admin has no public modules"),
    ]);
  });

  it("keeps real-time publishing below the domains, with the WebSocket server as an entry point", async () => {
    expect(await restrictedImports("src/server/realtime/fixture.ts", 'import { boardJobSchema } from "@/server/jobs/dto";\nexport const x = boardJobSchema;\n')).toEqual([
      expect.stringContaining("Shared infrastructure sits below the domains"),
    ]);
    expect(await restrictedImports("src/server/realtime/ws-server.ts", 'import { appRouter } from "@/server/api/root";\nexport const x = appRouter;\n')).toEqual([]);
  });

  it("refuses server and configuration code in src/lib", async () => {
    const found = await restrictedImports("src/lib/fixture.ts", 'import { db } from "@/server/db";\nimport { env } from "@/env";\nexport const x = [db, env];\n');
    expect(found).toHaveLength(2);
  });

  it("allows the right way: a page importing the API, a domain importing infrastructure", async () => {
    expect(await restrictedImports("src/app/fixture/page.tsx", 'import { serverApi } from "@/trpc/server";\nexport const x = serverApi;\n')).toEqual([]);
    expect(await restrictedImports("src/server/jobs/fixture.ts", 'import { db } from "@/server/db";\nexport const x = db;\n')).toEqual([]);
  });

  it("refuses an import cycle (two real files, written for the test and removed after)", async () => {
    const dir = path.join("src", `.lint-fixture-${crypto.randomBytes(4).toString("hex")}`);
    fs.mkdirSync(dir);
    try {
      fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
      fs.writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
      const [result] = await new ESLint({ cwd: process.cwd() }).lintFiles([path.join(dir, "a.ts")]);
      expect(result?.messages.map((m) => m.ruleId)).toContain("import/no-cycle");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}, 60_000);

describe("words in JSX come from the catalogues", () => {
  async function literalErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  }

  it("refuses text and readable props written in a component or a page", async () => {
    const code = 'export function X() {\n  return <button aria-label="Close the panel">Close</button>;\n}\n';
    for (const filePath of ["src/components/jobs/fixture.tsx", "src/app/fixture/page.tsx"]) {
      expect(await literalErrors(filePath, code), filePath).toEqual([
        expect.stringContaining("Words people read in a prop come from the message catalogues"),
        expect.stringContaining("Words in JSX come from the message catalogues"),
      ]);
    }
  });

  it("refuses words behind a condition, in a template or as a label prop's expression", async () => {
    const code =
      'export function X({ busy, n }: { busy: boolean; n: number }) {\n' +
      '  return <Y submitLabel={`Pay ${n} now`} title={busy ? "Wait" : "Go"}>{busy ? "Posting…" : "Post it again"}{`${n} jobs`}</Y>;\n}\n';
    const errors = await literalErrors("src/components/jobs/fixture.tsx", code);
    // "Pay " and " now", "Wait" and "Go", "Posting…" and "Post it again", " jobs".
    expect(errors).toHaveLength(7);
    expect(errors.every((e) => e.includes("also behind a condition or in a template"))).toBe(true);
  });

  it("allows translated words, punctuation, the brand and non-readable props", async () => {
    const code =
      'import { useTranslations } from "next-intl";\nexport function X({ n }: { n: number }) {\n  const t = useTranslations("common");\n' +
      '  return <a href="/x" className="block" aria-label={t("language")}>{t("language")} · {n} ★ <b>Scoop</b></a>;\n}\n';
    expect(await literalErrors("src/components/jobs/fixture.tsx", code)).toEqual([]);
  });
});
