// The outbox worker: sends queued replies to the Cloud API, one at a time per conversation (so a
// customer gets them in order) and several conversations at once, paced per business number.
// It wakes when a reply is queued in any process (wake.ts), when a retry falls due, and on a slow
// poll as a safety net. stop() lets the sends under way finish and record their outcome.
import { logger } from "../logger";
import { forgetStalePendingStatuses } from "../messages/stale-statuses";
import { increment } from "../metrics";
import { graphTarget } from "../whatsapp/graph-target";
import { retryDelayMs, type BackoffPolicy } from "./backoff";
import { sendMessage, type SendOutcome } from "./cloud-api";
import { db } from "../db/client";
import { ensureMediaUploaded } from "./media-upload";
import { messageRequestBody, UnsendableMessageError } from "./request-body";
import { claimJob, findDueJobs, inDoubtReason, markAbandonedInDoubt, markAccepted, markFailed, scheduleRetry, type ClaimedSend, type DueJob } from "./jobs";
import { env } from "../env";
import { paceUnder } from "./rate-limit";
import { createLocalPace, createSharedPace, type Pace } from "./shared-pace";
import { onRepliesQueued } from "./wake";
import { encodeText, said } from "@/shared/server-text";
import { englishOf } from "../i18n/english";

export interface WorkerOptions extends BackoffPolicy {
  /** Sends under way at once, across conversations. */
  concurrency: number;
  /** Attempts before a transiently failing reply is given up as failed. */
  maxAttempts: number;
  /** WhatsApp's limit of messages per second per business number; the worker stays below it. */
  sendRatePerNumber: number;
  requestTimeoutMs: number;
  pollIntervalMs: number;
  /** How long stop() waits for sends under way; those still open are then in doubt at the next start. */
  stopGraceMs: number;
  /**
   * How long a claimed job is this worker's: past it, another worker takes a job still "sending"
   * for abandoned (in doubt). At least twice the request timeout, so a live send never is.
   */
  leaseMs: number;
}

export const DEFAULT_WORKER_OPTIONS: Omit<WorkerOptions, "sendRatePerNumber"> = {
  concurrency: 16,
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 120_000,
  requestTimeoutMs: 15_000,
  pollIntervalMs: 2_000,
  stopGraceMs: 10_000,
  leaseMs: 60_000,
};

export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  /** Sends under way, by conversation. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly pace: Pace;
  private wakeRequested = false;
  private interruptSleep: (() => void) | null = null;
  private stopListening: () => void = () => {};
  private lastTurn = Date.now();

  constructor(private readonly options: WorkerOptions) {
    const perSecond = paceUnder(options.sendRatePerNumber);
    // Several workers share one pace per number through Redis; one alone keeps its own.
    const { REDIS_URL, REDIS_PREFIX } = env();
    this.pace = REDIS_URL ? createSharedPace({ url: REDIS_URL, prefix: REDIS_PREFIX, perSecond }) : createLocalPace(perSecond);
  }

  async start(): Promise<void> {
    // On SQLite this is the only process, so whatever is still "sending" was left by its last run.
    await this.sweepAbandoned(db().provider === "sqlite");
    await forgetStalePendingStatuses();
    this.running = true;
    this.stopListening = onRepliesQueued(() => this.wake());
    this.loop = this.run();
  }

  private async sweepAbandoned(everySending: boolean): Promise<void> {
    const abandoned = await markAbandonedInDoubt(everySending);
    if (abandoned > 0) logger.warn("replies interrupted mid-send are marked for a person to check", { abandoned });
  }

  /** The loop went round lately (it does at least every poll interval, unless stuck). */
  healthy(): boolean {
    return this.running && Date.now() - this.lastTurn < Math.max(30_000, this.options.pollIntervalMs * 3);
  }

  wake(): void {
    this.wakeRequested = true;
    this.interruptSleep?.();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopListening();
    this.wake();
    await this.loop;
    const grace = new Promise((resolve) => setTimeout(resolve, this.options.stopGraceMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight.values()]), grace]);
    await this.pace.close();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.lastTurn = Date.now();
      this.wakeRequested = false;
      let nextDueAt: Date | null = null;
      try {
        // Other workers' expired leases; this worker's own jobs are renewed by finishing them.
        if (db().provider === "postgresql") await this.sweepAbandoned(false);
        const free = this.options.concurrency - this.inFlight.size;
        if (free > 0) {
          const found = await findDueJobs(free, new Set(this.inFlight.keys()));
          for (const job of found.due) this.startSend(job);
          nextDueAt = found.nextDueAt;
        }
      } catch (error) {
        logger.error("outbox poll failed", { error: String(error) });
      }
      if (!this.wakeRequested && this.running) await this.sleep(nextDueAt);
    }
  }

  private sleep(nextDueAt: Date | null): Promise<void> {
    const untilDue = nextDueAt ? Math.max(0, nextDueAt.getTime() - Date.now()) : Infinity;
    const ms = Math.min(this.options.pollIntervalMs, untilDue);
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.interruptSleep = done;
    });
  }

  private startSend(job: DueJob): void {
    const send = this.send(job)
      .catch((error: unknown) => logger.error("outbox send failed", { messageId: job.messageId, error: String(error) }))
      .finally(() => {
        this.inFlight.delete(job.conversationId);
        this.wake();
      });
    this.inFlight.set(job.conversationId, send);
  }

  private async send(job: DueJob): Promise<void> {
    const claimed = await claimJob(job.messageId, this.options.leaseMs);
    if (!claimed) return;
    const { inbox } = claimed;
    const target = graphTarget(inbox);
    let outcome: SendOutcome;
    if (!target) {
      outcome = { kind: "retry", reason: encodeText(said("sendNotConfigured")), retryAfterMs: null };
    } else {
      // A file goes to WhatsApp first (once: its media id is kept), then the message names it.
      const timeoutMs = Math.min(this.options.requestTimeoutMs, this.options.leaseMs / 2);
      const prepared = await ensureMediaUploaded(target, inbox.phoneNumberId, claimed.message, this.options.leaseMs);
      const requestBody = "outcome" in prepared ? { rejected: prepared.outcome } : buildRequestBody(inbox.phoneNumberId, { ...claimed, message: prepared.message });
      if ("rejected" in requestBody) outcome = requestBody.rejected;
      else {
        await this.pace.acquire(inbox.phoneNumberId);
        outcome = await sendMessage(target, inbox.phoneNumberId, requestBody.body, timeoutMs);
      }
    }
    increment(`switchboard_outbox_${outcome.kind}_total`, `Replies whose send ended as "${outcome.kind}"`);
    await this.recordWithRetries(job.messageId, claimed.attempts, outcome);
  }

  /**
   * The outcome must be written: until it is, the job stays "sending" and holds back the rest of
   * its conversation (after a restart it would be in doubt). A busy database gets a few tries.
   */
  private async recordWithRetries(messageId: string, attempts: number, outcome: SendOutcome): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.record(messageId, attempts, outcome);
      } catch (error) {
        if (attempt >= 5) throw error;
        logger.warn("recording a send's outcome failed; trying again", { messageId, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private async record(messageId: string, attempts: number, outcome: SendOutcome): Promise<void> {
    switch (outcome.kind) {
      case "accepted":
        return markAccepted(messageId, outcome.wamid);
      case "rejected":
        logger.warn("WhatsApp rejected a reply", { messageId, reason: englishOf(outcome.reason) });
        return markFailed(messageId, "failed", outcome.reason);
      case "unknown":
        logger.warn("a reply's send has no answer; not sending it again", { messageId, reason: englishOf(outcome.reason) });
        return markFailed(messageId, "in_doubt", inDoubtReason(outcome.reason));
      case "retry": {
        if (attempts >= this.options.maxAttempts) {
          return markFailed(messageId, "failed", encodeText(said("sendGaveUp", { attempts, reason: outcome.reason })));
        }
        const delay = retryDelayMs(this.options, attempts, outcome.retryAfterMs);
        logger.info("reply will be retried", { messageId, attempts, delayMs: delay, reason: outcome.reason });
        return scheduleRetry(messageId, outcome.reason, new Date(Date.now() + delay));
      }
    }
  }
}

/** The request for a claimed message, or the rejection that ends it when it cannot be sent at all. */
function buildRequestBody(phoneNumberId: string, claimed: ClaimedSend): { body: object } | { rejected: SendOutcome } {
  try {
    return { body: messageRequestBody(phoneNumberId, claimed.to, claimed.message) };
  } catch (error) {
    if (!(error instanceof UnsendableMessageError)) throw error;
    return { rejected: { kind: "rejected", reason: encodeText(error.text) } };
  }
}
