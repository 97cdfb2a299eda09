import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Stub } from "@/test/s3-stub";
import { S3ObjectStorage } from "./s3-storage";

describe("S3 photo storage", () => {
  let stub: Awaited<ReturnType<typeof startS3Stub>>;
  beforeAll(async () => {
    stub = await startS3Stub();
  });
  afterAll(async () => {
    await new Promise((resolve) => stub.server.close(resolve));
  });

  it("puts, gets and deletes objects under its prefix, and reads a missing one as null", async () => {
    const storage = new S3ObjectStorage({ bucket: "photos", prefix: "scoop/", region: "us-east-1", endpoint: stub.endpoint, accessKeyId: "k", secretAccessKey: "s" });
    const bytes = Buffer.from([1, 2, 3, 4]);
    await storage.put("jobs/a/b.jpg", bytes, "image/jpeg");
    expect([...stub.objects.keys()]).toEqual(["scoop/jobs/a/b.jpg"]);
    expect(await storage.get("jobs/a/b.jpg")).toEqual(bytes);
    expect(await storage.get("jobs/a/missing.jpg")).toBeNull();
    await storage.delete("jobs/a/b.jpg");
    expect(stub.objects.size).toBe(0);
  });
});
