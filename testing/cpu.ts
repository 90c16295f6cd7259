// A process's CPU time as the kernel counts it (Linux only): what the process itself worked, which
// other processes on a busy machine cannot inflate the way they inflate wall-clock time.
import fs from "node:fs";

/** The kernel's clock ticks per second for /proc's times (USER_HZ, 100 on Linux everywhere). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the line, so 12 and 13 after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`no CPU times for process ${pid}`);
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds the process used while `work` ran. */
export async function cpuSecondsDuring(pid: number, work: () => Promise<void>): Promise<number> {
  const before = cpuSeconds(pid);
  await work();
  return cpuSeconds(pid) - before;
}
