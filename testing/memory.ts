// The server's memory as the kernel sees it: resident set size from /proc (Linux only), which is
// what an abusive request grows and what an operator's out-of-memory killer looks at.
import fs from "node:fs";

export const MiB = 1024 * 1024;

export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** How much the process's resident memory grew while `abuse` ran (after a moment to settle). */
export async function growthDuring(pid: number, abuse: () => Promise<void>): Promise<number> {
  const before = residentBytes(pid);
  await abuse();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return residentBytes(pid) - before;
}
