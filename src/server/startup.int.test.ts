// Starting the real server: a bad environment stops it with a message naming the variable; an
// empty database gets the configured admin instead of the demo users; SIGTERM exits cleanly.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

  it("refuses a first start with a real number and no admin configured, naming the variables; no demo users exist", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-no-admin-"));
    const databaseUrl = `file:${path.join(dataDir, "switchboard.db")}`;
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "ws-server.ts"], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: "0",
          DATABASE_URL: databaseUrl,
          WHATSAPP_ACCESS_TOKEN: "obviously-fake-token",
          WHATSAPP_APP_SECRET: "obviously_fake_app_secret",
          WHATSAPP_VERIFY_TOKEN: "obviously_fake_verify_token",
          ADMIN_EMAIL: "",
          ADMIN_PASSWORD: "",
        },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD/);
      expect(result.stdout).not.toMatch(/Demo users|listening/);

      // Given an admin, the same database starts, and the demo accounts do not exist.
      const server = await startServer({
        dataDir,
        env: { DATABASE_URL: databaseUrl, WHATSAPP_ACCESS_TOKEN: "obviously-fake-token", ADMIN_EMAIL: "boss@example.org", ADMIN_PASSWORD: "correct horse battery" },
      });
      try {
        await expect(signIn(server.url, "boss@example.org", "correct horse battery")).resolves.toContain("session-token");
        await expect(signIn(server.url, "admin@example.com", "admin")).rejects.toThrow(/sign-in failed/);
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("keeps the data folder and everything in it to the server's own user", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-private-"));
    const dataDir = path.join(parent, "nested", "data");
    const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
    try {
      const server = await startServer({ dataDir });
      try {
        expect(modeOf(dataDir)).toBe("700");
        // On PostgreSQL the folder starts empty (secrets come from the environment); on SQLite it
        // holds the database, its write-ahead log and the generated secrets.
        const files = fs.readdirSync(dataDir);
        for (const file of files) {
          const full = path.join(dataDir, file);
          expect({ file, mode: modeOf(full) }).toEqual({ file, mode: fs.statSync(full).isDirectory() ? "700" : "600" });
        }
        if (server.databaseUrl.startsWith("file:")) expect(files).toEqual(expect.arrayContaining(["switchboard.db", "switchboard.db-wal", "nextauth-secret"]));
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
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
