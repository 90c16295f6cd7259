// What the Reports page asks for and gets back: shared by the procedure, the CSV download and the
// page. Days are the viewer's calendar days, in the time zone their browser names.
import { z } from "zod";
import { schemaSays as says } from "./server-text";

/** A year and a day: a report over a year of data, whichever year it starts in. */
export const MAX_REPORT_DAYS = 366;

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says("dates", "dateFormat"));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZReportQuery = z
  .object({
    /** The first day, and the last, both included. */
    from: ZDay,
    to: ZDay,
    timeZone: z.string().min(1).max(64).refine(isTimeZone, says("timeZone", "unknownTimeZone")),
    inboxId: z.string().min(1).max(100).optional(),
    /** One person's figures: the conversations they held, the messages they sent. */
    agentId: z.string().min(1).max(100).optional(),
  })
  .refine((query) => query.from <= query.to, says("dates", "datesOrder"))
  .refine(
    (query) => Date.parse(query.to) - Date.parse(query.from) < MAX_REPORT_DAYS * 86_400_000,
    says("dates", "datesMax", { max: MAX_REPORT_DAYS }),
  );
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** Median and 90th percentile (nearest rank) of a duration, in seconds; null when nothing was measured. */
export interface TDurationStats {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface TReportDay {
  /** YYYY-MM-DD, in the viewer's time zone. */
  day: string;
  inbound: number;
  outbound: number;
}

export interface TAgentRow {
  agentId: string;
  name: string;
  opened: number;
  resolved: number;
  firstResponse: TDurationStats;
  resolution: TDurationStats;
}

export interface TReport {
  /** Conversations opened (new, or reopened) and resolved in the range. */
  opened: number;
  resolved: number;
  /** From the customer's first unanswered message to the first reply, for replies in the range. */
  firstResponse: TDurationStats;
  /** From opening to resolution, for conversations resolved in the range. */
  resolution: TDurationStats;
  days: TReportDay[];
  /** Customers' messages by weekday (0 = Sunday) and hour, in the viewer's time zone: [weekday][hour]. */
  busiestHours: number[][];
  /** One row per person, for an admin's report over everyone; empty otherwise. */
  agents: TAgentRow[];
}
