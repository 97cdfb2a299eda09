/**
 * A real S3-compatible server (s3rver) for the production-shaped test run: path-style API with signature checks,
 * objects on disk in S3RVER_DIR, one bucket S3RVER_BUCKET. Prints "s3rver ready" once it listens.
 */
import S3rver from "s3rver";

const port = Number(process.env.S3RVER_PORT ?? 4569);
const server = new S3rver({
  port,
  address: "127.0.0.1",
  directory: process.env.S3RVER_DIR ?? ".data/s3rver",
  silent: true,
  configureBuckets: [{ name: process.env.S3RVER_BUCKET ?? "scoop-photos", configs: [] }],
});
await server.run();
console.log(`s3rver ready on ${port}`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
