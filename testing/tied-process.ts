// Starts a server program so that it cannot outlive the process that started it: a small shell
// wrapper runs it and watches its own stdin, a pipe from us. When we exit — even killed with
// SIGKILL, when no handler of ours runs — the pipe closes and the wrapper stops the program with
// `stopSignal`. Lines written to the pipe send signals (a test may "crash" a server).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const WRAPPER = `
stop="$1"; shift
"$@" <&- &
child=$!
while read -r signal; do kill -"$signal" "$child" 2>/dev/null; done
kill -"$stop" "$child" 2>/dev/null
wait "$child"
`;

export interface TiedProcess {
  child: ChildProcess;
  /** Sends a signal to the program itself (not the wrapper). */
  signal(name: "KILL" | "TERM" | "INT"): void;
  /** Stops it with its stop signal and resolves once it has exited. */
  stop(): Promise<void>;
  exited(): Promise<void>;
}

export function spawnTied(command: string, args: string[], stopSignal: "TERM" | "INT", options: Omit<SpawnOptions, "stdio"> = {}): TiedProcess {
  const child = spawn("sh", ["-c", WRAPPER, "sh", stopSignal, command, ...args], { ...options, stdio: ["pipe", "pipe", "pipe"] });
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    signal: (name) => {
      if (child.stdin?.writable) child.stdin.write(`${name}\n`);
    },
    stop: async () => {
      child.stdin?.end();
      await exited();
    },
    exited,
  };
}
