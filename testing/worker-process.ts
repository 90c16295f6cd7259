// A worker process (`npm run worker`) for tests: started with the cluster's environment, ready
// once it says it runs; stopped with SIGTERM, or killed.
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./server";

export interface WorkerProcess {
  readonly pid: number;
  stop(): Promise<void>;
  output(): string;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start in 60 s:\n${log.join("")}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      if (log.join("").includes("worker running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${log.join("")}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
    output: () => log.join(""),
  };
}
