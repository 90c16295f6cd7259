// A throwaway Redis server from the system's packages (Debian `redis-server`) on a free loopback
// port, with no persistence, in a temporary folder. `kill()` and `start()` again on the same port
// let tests take the bus away and bring it back.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import { spawnTied, type TiedProcess } from "./tied-process";

export interface RedisServer {
  url: string;
  port: number;
  readonly pid: number;
  /** Stops the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill`). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startRedis(): Promise<RedisServer> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error("redis-server is not installed: apt-get install -y redis-server (or run .ci/run)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-redis-"));
  const port = await freePort();
  let server: TiedProcess | null = null;

  const launch = async () => {
    const output: string[] = [];
    const tied = spawnTied(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], "TERM");
    const started = tied.child;
    started.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    server = tied;
    const deadline = Date.now() + 10_000;
    while (!(await accepting(port))) {
      if (started.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${output.join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const halt = async (signal: "KILL" | "TERM") => {
    const running = server;
    server = null;
    if (!running) return;
    if (signal === "KILL") running.signal("KILL");
    await running.stop();
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return server?.child.pid ?? 0;
    },
    kill: () => halt("KILL"),
    start: launch,
    async stop() {
      await halt("TERM");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
