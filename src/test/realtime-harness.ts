/**
 * Helpers for real-time integration tests: start a web instance (src/test/realtime-instance.ts) in a child
 * process, sign a session cookie, and collect the first N events of a subscription.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { env } from "@/env";

export type Instance = { url: string; child: ChildProcess };

export function startInstance(): Promise<Instance> {
  return new Promise((resolve, reject) => {
    // node --import tsx (not npx) so SIGTERM reaches the instance itself.
    const child = spawn(process.execPath, ["--import", "tsx", "src/test/realtime-instance.ts"], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    const timer = setTimeout(() => reject(new Error("instance did not start")), 30_000);
    child.stdout!.on("data", (buf: Buffer) => {
      const match = /ready (\d+)/.exec(buf.toString());
      if (match) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${match[1]}`, child });
      }
    });
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
}

export function stopInstances(instances: (Instance | undefined)[]): Promise<unknown> {
  return Promise.all(
    instances.map((i) => i && i.child.exitCode === null && new Promise((r) => (i.child.once("exit", r), i.child.kill("SIGTERM")))),
  );
}

/** A next-auth session cookie for `userId`, as the browser would send it. */
export async function sessionCookieFor(userId: string): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { uid: userId, sv: 0, sid: crypto.randomUUID() }, secret: env.NEXTAUTH_SECRET })}`;
}

type Handlers<T> = { onData: (d: T) => void; onError: (e: unknown) => void; onStarted: () => void };

/** Subscribes and resolves with the first `count` events (or rejects on error/timeout). */
export function take<T>(subscribe: (h: Handlers<T>) => { unsubscribe: () => void }, count: number, started?: () => void): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const got: T[] = [];
    const timer = setTimeout(() => (sub.unsubscribe(), reject(new Error(`got ${got.length}/${count} events`))), 15_000);
    const sub = subscribe({
      onStarted: () => started?.(),
      onData: (d) => {
        got.push(d);
        if (got.length === count) {
          clearTimeout(timer);
          sub.unsubscribe();
          resolve(got);
        }
      },
      onError: (e) => (clearTimeout(timer), reject(e)),
    });
  });
}
