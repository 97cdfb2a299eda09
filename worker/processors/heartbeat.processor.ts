import { recordWorkerHeartbeat } from "@/server/system/heartbeat";

export async function heartbeatProcessor(): Promise<void> {
  await recordWorkerHeartbeat();
}
