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
    expect(() => parseEnv({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/REDIS_URL: the Redis bus is not built yet/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ REDIS_URL: "", WHATSAPP_ACCESS_TOKEN: " " }).WHATSAPP_ACCESS_TOKEN).toBeUndefined();
  });
});
