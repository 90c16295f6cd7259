// Structured one-line JSON logs on stderr, through pino. Quiet during tests unless LOG_LEVEL says
// otherwise. A line written while serving an HTTP request carries its id as `reqId`.
import pino, { type DestinationStream } from "pino";
import { requestId } from "./request-context";

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;
type LogMethod = (message: string, fields?: Fields) => void;

export type Logger = Record<Level, LogMethod>;

const LEVELS: readonly Level[] = ["debug", "info", "warn", "error"];

// Read from process.env, not env(): logging must work before the environment is validated, and
// while reporting that it is invalid. An unknown value falls back to "info", as it always did.
function configuredLevel(): Level {
  const configured = process.env.LOG_LEVEL;
  const level = LEVELS.find((candidate) => candidate === configured);
  return level ?? (configured === undefined && process.env.NODE_ENV === "test" ? "error" : "info");
}

export interface LoggerOptions {
  /** Where lines go; stderr (fd 2) unless a test captures them. */
  destination?: DestinationStream;
  level?: Level;
}

export function createLogger({ destination, level = configuredLevel() }: LoggerOptions = {}): Logger {
  const base = pino(
    {
      level,
      // The keys the lines had before pino, which log tooling may already rely on.
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Several processes may write to one log collector: the pid says whose line it is.
      base: { pid: process.pid },
      mixin: () => {
        const id = requestId();
        return id === undefined ? {} : { reqId: id };
      },
    },
    // Synchronous, as process.stderr.write is for files and pipes on Linux: the last lines before
    // a process.exit are not lost, and no worker thread is needed.
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const method =
    (name: Level): LogMethod =>
    (message, fields) =>
      fields ? base[name](fields, message) : base[name](message);
  return { debug: method("debug"), info: method("info"), warn: method("warn"), error: method("error") };
}

// One pino logger per process, on globalThis: Next compiles route handlers into their own module
// graph, and both graphs should share one destination. Made on first use, not on import.
const globalForLogger = globalThis as typeof globalThis & { __switchboardLogger?: Logger };
const shared = (): Logger => (globalForLogger.__switchboardLogger ??= createLogger());

export const logger: Logger = {
  debug: (message, fields) => shared().debug(message, fields),
  info: (message, fields) => shared().info(message, fields),
  warn: (message, fields) => shared().warn(message, fields),
  error: (message, fields) => shared().error(message, fields),
};
