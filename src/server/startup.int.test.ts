// Starting the real server: a bad environment stops it with a message naming the variable; an
// empty database gets the configured admin instead of the demo users; SIGTERM exits cleanly.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT, startServer } from "../../testing/server";
import { signIn } from "../../testing/session";

describe("starting the server", () => {
  it.each([
    ["PORT", "eighty"],
    ["WHATSAPP_API_BASE_URL", "graph api"],
    ["DATABASE_URL", "mysql://nope"],
  ])("refuses to start when %s is %s, naming it", (name, value) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "ws-server.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", [name]: value },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(name);
  });

  it("creates the configured admin instead of the demo users, and stops cleanly on SIGTERM", async () => {
    const server = await startServer({ env: { ADMIN_EMAIL: "Boss@Example.org", ADMIN_PASSWORD: "correct horse battery" } });
    try {
      await expect(signIn(server.url, "boss@example.org", "correct horse battery")).resolves.toContain("session-token");
      await expect(signIn(server.url, "admin@example.com", "admin")).rejects.toThrow(/sign-in failed/);
    } finally {
      await server.stop();
    }
    expect(server.output()).not.toMatch(/Error|unhandled/i);
  });
});
