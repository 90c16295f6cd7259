// Starts the real server (ws-server.ts, production build) as a child process on a random loopback
// port with its own throwaway data directory. Used by integration tests, e2e and benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serverDatabaseEnv } from "./test-database";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface RunningServer {
  url: string;
  /** The server's DATABASE_URL: its SQLite file, or its own database on the test PostgreSQL. */
  databaseUrl: string;
  port: number;
  dataDir: string;
  appSecret: string;
  verifyToken: string;
  /** The server process's id (it changes on restart), e.g. for reading its memory from /proc. */
  readonly pid: number;
  /** How the current process ended: its exit code, or the signal that killed it; null while it runs. */
  readonly exit: number | NodeJS.Signals | null;
  /** Stops with SIGTERM, waits for the exit, and removes the data directory if it made it. */
  stop(): Promise<void>;
  /** Stops (SIGTERM, or SIGKILL to simulate a crash) and starts again on the same port and data. */
  restart(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
  output(): string;
}

export interface StartOptions {
  env?: Record<string, string>;
  dataDir?: string;
}

function launch(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; log: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "ws-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${log.join("")}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(log.join(""));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), log });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.once("exit", (code) => fail(new Error(`server exited with ${code} before listening:\n${log.join("")}`)));
  });
}

/** Demo users in a database whose server is not in demo mode (see first-users.ts). */
async function createDemoUsers(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "testing/first-users.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`could not create the demo users (exit ${code}):\n${errors}`);
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-test-"));
  const appSecret = `test_app_secret_${randomBytes(8).toString("hex")}`;
  const verifyToken = `test_verify_${randomBytes(8).toString("hex")}`;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    // A server given a DATABASE_URL shares it (several processes of one cluster).
    ...(options.env?.DATABASE_URL ? {} : await serverDatabaseEnv(dataDir)),
    WHATSAPP_APP_SECRET: appSecret,
    WHATSAPP_VERIFY_TOKEN: verifyToken,
    LOG_LEVEL: "warn",
    // Tests expect an empty inbox; the demo's sample conversations are asked for with DEMO_SEED: "1".
    DEMO_SEED: "0",
    ...options.env,
  };
  // Tests sign in as the demo users; a server with a real-looking token creates none itself.
  if (env.WHATSAPP_ACCESS_TOKEN && !env.ADMIN_EMAIL) await createDemoUsers(env);
  let current = await launch(env);
  const port = current.port;
  const logs = [current.log];

  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: env.DATABASE_URL ?? "",
    port,
    dataDir,
    appSecret: env.WHATSAPP_APP_SECRET ?? appSecret,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN ?? verifyToken,
    get pid() {
      return current.child.pid ?? 0;
    },
    get exit() {
      return current.child.exitCode ?? current.child.signalCode;
    },
    async stop() {
      current.child.kill("SIGTERM");
      await waitForExit(current.child);
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async restart(signal = "SIGTERM") {
      current.child.kill(signal);
      await waitForExit(current.child);
      current = await launch({ ...env, PORT: String(port) });
      logs.push(current.log);
    },
    output: () => logs.map((log) => log.join("")).join("\n--- restart ---\n"),
  };
}
