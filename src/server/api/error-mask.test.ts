// The router's own error formatter, as both transports use it (HTTP's adapter and the socket's
// wire server, realtime/wire/procedure-call.ts).
import { afterEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { errorShape } from "../realtime/wire/procedure-call";

const globalForEnv = globalThis as typeof globalThis & { __switchboardEnv?: unknown };

describe("errors sent to clients", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    globalForEnv.__switchboardEnv = undefined;
  });

  it("mask an unexpected error's text in production, with a reference to the log line", () => {
    vi.stubEnv("NODE_ENV", "production");
    globalForEnv.__switchboardEnv = undefined;
    const leaked = new Error('Invalid `prisma.message.findMany()` invocation: SELECT * FROM "Message" WHERE secret');
    const shape = errorShape(leaked, null, undefined) as { message: string; data: { code: string; stack?: string } };
    expect(shape.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(shape.message).toMatch(/^Something went wrong on our side\. Reference: [\w-]+$/);
    expect(JSON.stringify(shape)).not.toMatch(/prisma|SELECT|secret/);
  });

  it("keep the messages people need: not found, bad input, conflicts", () => {
    vi.stubEnv("NODE_ENV", "production");
    globalForEnv.__switchboardEnv = undefined;
    const shape = errorShape(new TRPCError({ code: "NOT_FOUND", message: "Conversation not found" }), null, undefined) as { message: string };
    expect(shape.message).toBe("Conversation not found");
  });
});
