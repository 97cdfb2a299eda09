/**
 * Every queue's processor, in one place. A processor is thin: it parses its payload, calls a service
 * function from src/server/<domain>, and rethrows on failure so BullMQ retries with backoff.
 */
import type { Job } from "bullmq";
import { QUEUES, type QueueName, type QueuePayload } from "@/server/queues/definitions";
import { sendEmailProcessor } from "./email.processor";
import { heartbeatProcessor } from "./heartbeat.processor";
import { db } from "@/server/db";
import { applyStoredBlock } from "@/server/accounts/account-block";
import { paymentsContext } from "@/server/payments/context";
import { payOwedPayouts } from "@/server/payments/payouts/transfers";
import { refundLateInvoiceNow } from "@/server/payments/billing/late-invoice";
import { releaseReplacedHoldNow, renewHold } from "@/server/payments/steps/renew-hold";
import { billingSyncProcessor, settlementProcessor, stripeEventProcessor } from "./payments.processor";
import { generateRecurringProcessor, serviceDayRemindersProcessor, weatherSkipNoticeProcessor } from "./recurring.processor";
import { photosProcessor } from "./photos.processor";
import { timersProcessor } from "./timers.processor";
import { sendPushProcessor } from "./push.processor";
import { jobChangeNotificationProcessor, jobMessageNotificationProcessor } from "./job-change.processor";
import { weeklyEarningsProcessor } from "./weekly-earnings.processor";

type Registration<Q extends QueueName> = {
  concurrency: number;
  handle: (payload: QueuePayload<Q>, job: Job) => Promise<unknown>;
};

export const processors: { [Q in QueueName]: Registration<Q> } = {
  system: {
    concurrency: 1,
    handle: async (payload) => {
      switch (payload.kind) {
        case "heartbeat":
          return heartbeatProcessor();
        case "account-block":
          return applyStoredBlock(db, payload.userId, payload.adminId);
      }
    },
  },
  emails: {
    concurrency: 5,
    handle: async (payload, job) => {
      switch (payload.kind) {
        case "send":
          return sendEmailProcessor(payload, job);
      }
    },
  },
  recurring: {
    concurrency: 1,
    handle: async (payload) => {
      switch (payload.kind) {
        case "generate-due":
          return generateRecurringProcessor();
        case "send-reminders":
          return serviceDayRemindersProcessor();
      }
    },
  },
  timers: { concurrency: 4, handle: (payload) => timersProcessor(payload) },
  // sharp uses its own thread pool; two at a time keeps a small worker responsive.
  photos: { concurrency: 2, handle: (payload) => photosProcessor(payload) },
  push: {
    concurrency: 5,
    handle: async (payload, job) => {
      switch (payload.kind) {
        case "send":
          return sendPushProcessor(payload, job);
      }
    },
  },
  notifications: {
    concurrency: 5,
    handle: async (payload) => {
      switch (payload.kind) {
        case "weekly-earnings":
          return weeklyEarningsProcessor();
        case "job-change":
          return jobChangeNotificationProcessor(payload);
        case "job-message":
          return jobMessageNotificationProcessor(payload);
        case "weather-skip":
          return weatherSkipNoticeProcessor(payload);
      }
    },
  },
  payments: {
    concurrency: 5,
    handle: async (payload) => {
      switch (payload.kind) {
        case "stripe-event":
          return stripeEventProcessor(payload);
        case "settle":
          return settlementProcessor(payload);
        case "billing-sync":
          return billingSyncProcessor(payload);
        case "pay-owed":
          return payOwedPayouts(paymentsContext(), { scooperId: payload.scooperId });
        case "renew-hold":
          return renewHold(paymentsContext(), { jobId: payload.jobId });
        case "release-hold":
          return releaseReplacedHoldNow(paymentsContext(), payload);
        case "refund-invoice":
          return refundLateInvoiceNow(db, payload);
      }
    },
  },
};

export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): QueuePayload<Q> {
  return QUEUES[queue].payload.parse(data) as QueuePayload<Q>;
}
