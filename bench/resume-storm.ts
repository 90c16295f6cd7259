// Many dashboards resuming at once (a restart, a network blip): `sockets` raw subscribers open
// together, each from the cursor `messages` messages back, and the figures are the time until
// every one has every message and the server's CPU meanwhile. Each message must arrive exactly
// `sockets` times. Figures include opening the sockets.
import { performance } from "node:perf_hooks";
import { sleep, waitFor } from "../testing/wait";
import { textMessage } from "../testing/webhook";
import { openRawClients } from "./load/raw-clients";
import { benchCustomer } from "./load/senders";
import { cpuMs, type BenchTarget } from "./targets";

export interface ResumeStormResult {
  sockets: number;
  messages: number;
  received: number;
  expected: number;
  seconds: number;
  serverCpuMs: number;
}

const TIMEOUT_MS = 120_000;
const STORM_CUSTOMERS = 50;

export async function resumeStorm(target: BenchTarget, options: { sockets: number; messages: number }): Promise<ResumeStormResult> {
  const from = await target.clients(); // the cursor before the messages
  for (let index = 0; index < options.messages; index++) {
    await target.post(textMessage({ ...benchCustomer(index, STORM_CUSTOMERS), text: `bench-resume-${index}` }));
  }
  const expected = options.sockets * options.messages;
  const [pid] = target.pids();
  if (pid === undefined) throw new Error("no server process to measure");
  let received = 0;
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const pool = await openRawClients({ ...from, sockets: options.sockets, batchSize: 100, timeoutMs: TIMEOUT_MS, onEvent: () => void received++ });
  try {
    await waitFor(() => received >= expected, "", TIMEOUT_MS).catch(() => undefined);
    const seconds = (performance.now() - started) / 1000;
    // A little longer, so a duplicate sent after the last expected frame is counted too.
    await sleep(300);
    return { ...options, received, expected, seconds, serverCpuMs: cpuMs(pid) - cpuBefore };
  } finally {
    await pool.close();
  }
}
