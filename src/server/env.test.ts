import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("has working defaults for the embedded setup", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DATABASE_URL: "file:./data/switchboard.db" });
    expect(env.WHATSAPP_PHONE_NUMBER_ID).toBe("200000000000002");
  });

  it("stops with a message naming the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ WHATSAPP_API_BASE_URL: "not a url" })).toThrow(/WHATSAPP_API_BASE_URL/);
    expect(() => parseEnv({ ADMIN_EMAIL: "admin@example.org" })).toThrow(/ADMIN_PASSWORD/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(EnvError);
    expect(() => parseEnv({ PRESENCE_HEARTBEAT_MS: "20000", PRESENCE_TIMEOUT_MS: "10000" })).toThrow(/PRESENCE_TIMEOUT_MS: must be longer/);
    expect(() => parseEnv({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/REDIS_URL: several processes need a PostgreSQL DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/switchboard" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: "postgresql://db/switchboard", REDIS_URL: "http://cache" })).toThrow(/REDIS_URL: must be a redis:/);
  });

  it("on PostgreSQL, asks for the secrets that every process must share", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://db/switchboard" })).toThrow(
      /NEXTAUTH_SECRET: required with PostgreSQL[\s\S]*DATA_ENCRYPTION_KEY: required[\s\S]*WHATSAPP_APP_SECRET[\s\S]*WHATSAPP_VERIFY_TOKEN/,
    );
    const shared = {
      NEXTAUTH_SECRET: "a-long-enough-session-secret",
      DATA_ENCRYPTION_KEY: "a-data-encryption-key-of-32-chars-or-more",
      WHATSAPP_APP_SECRET: "s",
      WHATSAPP_VERIFY_TOKEN: "t",
    };
    expect(parseEnv({ DATABASE_URL: "postgresql://db/switchboard", REDIS_URL: "redis://cache:6379", ...shared }).REDIS_URL).toBe("redis://cache:6379");
  });

  it("bounds request bodies by route, with small defaults and room to raise them", () => {
    expect(parseEnv({})).toMatchObject({
      AUTH_MAX_BODY_BYTES: 16 * 1024,
      TRPC_MAX_BODY_BYTES: 1024 * 1024,
      WEBHOOK_MAX_BODY_BYTES: 1024 * 1024,
      HTTP_MAX_BODY_BYTES: 64 * 1024,
    });
    expect(parseEnv({ WEBHOOK_MAX_BODY_BYTES: String(3 * 1024 * 1024) }).WEBHOOK_MAX_BODY_BYTES).toBe(3 * 1024 * 1024);
    expect(() => parseEnv({ AUTH_MAX_BODY_BYTES: "10" })).toThrow(/AUTH_MAX_BODY_BYTES/);
    expect(() => parseEnv({ TRPC_MAX_BODY_BYTES: "lots" })).toThrow(/TRPC_MAX_BODY_BYTES/);
  });

  it("bounds connections held at once only when told to (else by the open-files limit)", () => {
    expect(parseEnv({}).HTTP_MAX_CONNECTIONS).toBeUndefined();
    expect(parseEnv({ HTTP_MAX_CONNECTIONS: "" }).HTTP_MAX_CONNECTIONS).toBeUndefined();
    expect(parseEnv({ HTTP_MAX_CONNECTIONS: "5000" }).HTTP_MAX_CONNECTIONS).toBe(5000);
    expect(() => parseEnv({ HTTP_MAX_CONNECTIONS: "3" })).toThrow(/HTTP_MAX_CONNECTIONS/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ REDIS_URL: "", WHATSAPP_ACCESS_TOKEN: " " }).WHATSAPP_ACCESS_TOKEN).toBeUndefined();
  });
});
