import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSharedEnv } from "./render-env";

describe("render.yaml", () => {
  it("gives the shared group's plain values to the production-shaped run, and no secrets", () => {
    const values = renderSharedEnv();
    expect(values).toMatchObject({ NODE_ENV: "production", PAYMENT_WINDOW_MINUTES: "60", STORAGE_S3_PREFIX: "photos/", APP_TIMEZONE: "America/New_York" });
    for (const secret of ["NEXTAUTH_SECRET", "RESEND_API_KEY", "STORAGE_S3_BUCKET", "STORAGE_S3_SECRET_ACCESS_KEY"]) expect(values).not.toHaveProperty(secret);
  });

  it("declares the photo storage settings as secrets Render asks for (sync: false)", () => {
    const text = fs.readFileSync("render.yaml", "utf8");
    for (const key of ["STORAGE_S3_BUCKET", "STORAGE_S3_ENDPOINT", "STORAGE_S3_REGION", "STORAGE_S3_ACCESS_KEY_ID", "STORAGE_S3_SECRET_ACCESS_KEY", "RESEND_WEBHOOK_SECRET",
      "GEOCODER_URL", "GEOCODER_API_KEY", "NEXT_PUBLIC_MAP_TILE_URL", "NEXT_PUBLIC_MAP_ATTRIBUTION"]) {
      expect(text, key).toMatch(new RegExp(`- key: ${key}\\n\\s+sync: false`));
    }
  });
});
