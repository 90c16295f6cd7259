// Starts the baseline (./socketio-server.ts) as its own process on a random loopback port, with
// its own throwaway database directory, the way testing/server.ts starts Switchboard.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningBaseline {
  url: string;
  pid: number;
  stop(): Promise<void>;
  output(): string;
}

const SERVER = path.join(import.meta.dirname, "socketio-server.ts");

export async function startBaseline(env: Record<string, string> = {}): Promise<RunningBaseline> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-baseline-"));
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, ...env, PORT: "0", BASELINE_DB: dir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`baseline did not start in 30 s:\n${log.join("")}`)), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = /baseline listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log.join(""));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    void exited.then(() => fail(new Error(`baseline exited with ${child.exitCode} before listening:\n${log.join("")}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop, output: () => log.join("") };
}
