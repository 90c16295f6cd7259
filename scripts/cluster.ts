// `npm run cluster`: the several-process setup on one machine, from a fresh clone — a throwaway
// PostgreSQL and Redis (Debian's packages, in a temporary folder), two web processes and one
// worker, in demo mode. Ctrl-C stops everything and removes the folders.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startPostgres } from "../testing/postgres-server";
import { startRedis } from "../testing/redis-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const WEB_PORTS = [Number(process.env.PORT ?? 3000), Number(process.env.PORT ?? 3000) + 1];

function run(label: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => `[${label}] ${line}\n`)
      .join("");
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function main() {
  const build = spawn("npx", ["tsx", "scripts/ensure-build.ts"], { cwd: ROOT, stdio: "inherit" });
  await exited(build);
  if (build.exitCode !== 0) process.exit(build.exitCode ?? 1);

  const postgres = await startPostgres();
  const redis = await startRedis();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-cluster-"));
  for (const port of WEB_PORTS) {
    if (!(await isFree(port))) throw new Error(`port ${port} is taken; set PORT to another first port`);
  }
  const shared = {
    NODE_ENV: "production",
    DATABASE_URL: await postgres.createDatabase("switchboard"),
    REDIS_URL: redis.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    WHATSAPP_APP_SECRET: randomBytes(16).toString("hex"),
    WHATSAPP_VERIFY_TOKEN: randomBytes(16).toString("hex"),
    NEXTAUTH_URL: `http://127.0.0.1:${WEB_PORTS[0]}`,
  };
  const children: ChildProcess[] = [];
  // The first web process migrates and seeds the demo; the others start after it.
  for (const [n, port] of WEB_PORTS.entries()) {
    const web = run(`web${n + 1}`, "ws-server.ts", { ...shared, PORT: String(port), DATA_DIR: path.join(scratch, `web${n + 1}`) });
    children.push(web);
    await new Promise<void>((resolve, reject) => {
      web.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening on") && resolve());
      web.once("exit", (code) => reject(new Error(`web${n + 1} exited with ${code}`)));
    });
  }
  children.push(run("worker", "worker.ts", { ...shared, DATA_DIR: path.join(scratch, "worker") }));
  console.log(`\nCluster up: ${WEB_PORTS.map((port) => `http://127.0.0.1:${port}`).join(" and ")} (one database, one Redis, a worker).`);
  console.log("Sign in on either; a session, the live stream and every change work across both. Ctrl-C stops everything.\n");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map(exited));
    await redis.stop();
    await postgres.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

main().catch((error: unknown) => {
  console.error(String(error));
  process.exit(1);
});
