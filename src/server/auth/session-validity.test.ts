import { describe, expect, it } from "vitest";
import { isSessionCurrent, signedInAtOf } from "./session-validity";

describe("isSessionCurrent", () => {
  const reset = new Date("2025-06-01T12:00:00.500Z");

  it("keeps every session of a user whose sessions were never invalidated", () => {
    expect(isSessionCurrent(0, null)).toBe(true);
    expect(isSessionCurrent(null, null)).toBe(true);
  });

  it("ends a session that began before the reset, even within the same second", () => {
    expect(isSessionCurrent(reset.getTime() - 1, reset)).toBe(false);
    expect(isSessionCurrent(Date.parse("2025-06-01T12:00:00.000Z"), reset)).toBe(false);
  });

  it("keeps a session that began at or after the reset", () => {
    expect(isSessionCurrent(reset.getTime(), reset)).toBe(true);
    expect(isSessionCurrent(reset.getTime() + 60_000, reset)).toBe(true);
  });

  it("ends a session of unknown age once there has been a reset", () => {
    expect(isSessionCurrent(null, reset)).toBe(false);
  });
});

describe("signedInAtOf", () => {
  it("prefers the sign-in claim over iat, which next-auth renews on every session read", () => {
    expect(signedInAtOf({ signedInAt: 1_700_000_000_123, iat: 1_800_000_000 })).toBe(1_700_000_000_123);
  });

  it("falls back to iat (seconds) for tokens issued before the claim existed", () => {
    expect(signedInAtOf({ iat: 1_700_000_000 })).toBe(1_700_000_000_000);
    expect(signedInAtOf({})).toBeNull();
  });
});
