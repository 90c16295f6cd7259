// Log lines are pino's JSON with the keys they always had, and carry the request id of the request
// they were written for — also after an await, which is where a hand-passed id would get lost.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "./logger";
import { withRequestId } from "./request-context";

/** A log line is one JSON object. */
const ZLogLine = z.record(z.string(), z.unknown());

function capture() {
  const lines: string[] = [];
  const log = createLogger({ destination: { write: (line: string) => void lines.push(line) }, level: "debug" });
  const parsed = () => lines.map((line) => ZLogLine.parse(JSON.parse(line)));
  return { log, parsed };
}

describe("logger", () => {
  it("writes one JSON line with level, message, time and fields", () => {
    const { log, parsed } = capture();
    log.warn("webhook for unknown phone_number_id ignored", { phoneNumberId: "123" });
    const [line] = parsed();
    expect(line).toMatchObject({ level: "warn", message: "webhook for unknown phone_number_id ignored", phoneNumberId: "123" });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
    expect(line).not.toHaveProperty("reqId");
  });

  it("adds the request id to every line written inside withRequestId", async () => {
    const { log, parsed } = capture();
    await withRequestId("abc", async () => {
      log.info("before an await");
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.error("after an await", { error: "boom" });
    });
    log.info("outside");
    expect(parsed().map((line) => [line.message, line.reqId])).toEqual([
      ["before an await", "abc"],
      ["after an await", "abc"],
      ["outside", undefined],
    ]);
  });

  it("keeps concurrent requests apart", async () => {
    const { log, parsed } = capture();
    const request = (id: string, delayMs: number) =>
      withRequestId(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        log.info(`done ${id}`);
      });
    await Promise.all([request("first", 5), request("second", 1)]);
    expect(parsed().map((line) => [line.message, line.reqId])).toEqual([
      ["done second", "second"],
      ["done first", "first"],
    ]);
  });

  it("drops lines below its level", () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => void lines.push(line) }, level: "warn" });
    log.info("not shown");
    log.debug("not shown either");
    log.warn("shown");
    expect(lines).toHaveLength(1);
  });
});
