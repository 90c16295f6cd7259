// A throwaway PostgreSQL server from the system's packages (Debian `postgresql`): a fresh cluster in
// a temporary folder, on a free loopback port, trusted local connections, stopped and removed by
// `stop()`. For tests, benchmarks, `npm run cluster` and the PostgreSQL migration diff. Run as root
// (CI), the server runs as the `postgres` user, because PostgreSQL refuses to run as root.
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";
import { spawnTied } from "./tied-process";

export interface PostgresServer {
  /** A URL for the `switchboard` superuser on the server's `postgres` database. */
  adminUrl: string;
  port: number;
  pid: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = "switchboard";

export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (or run .ci/run)");
  return path.join(root, newest, "bin");
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`postgres did not accept connections in 30 s:\n${log()}`);
}

/** Creates an empty database on the server `adminUrl` names; returns the new database's URL. */
export async function createDatabaseOn(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-pg-"));
  const dataDir = path.join(dir, "data");
  const owner = runAs();
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  execFileSync(path.join(bin, "initdb"), ["-D", dataDir, "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], {
    ...asOwner,
    stdio: "pipe",
  });
  const port = await freePort();
  const settings = [
    ["listen_addresses", "127.0.0.1"],
    ["port", String(port)],
    ["unix_socket_directories", dir],
    // A throwaway server: durability is not what the tests measure.
    ["fsync", "off"],
    ["full_page_writes", "off"],
    ["max_connections", "300"],
    ["timezone", "America/Sao_Paulo"],
  ].flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  // SIGINT is PostgreSQL's "fast" shutdown, which ends open sessions.
  const server = spawnTied(path.join(bin, "postgres"), ["-D", dataDir, ...settings], "INT", asOwner);
  const child = server.child;
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const adminUrl = `postgresql://${USER}@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl, child, () => output.join(""));

  return {
    adminUrl,
    port,
    pid: child.pid ?? 0,
    createDatabase: (name) => createDatabaseOn(adminUrl, name),
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
