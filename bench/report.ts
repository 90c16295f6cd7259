// The report for the phases of `npm run bench` that have one Switchboard column (the side-by-side
// ones are in ./compare-report.ts).
import type { Machine } from "./machine";
import type { OutboundResult } from "./outbound";
import { ms, percent, table } from "./stats";

export function printHeader(host: Machine, fdNeeded: number) {
  console.log("\nSwitchboard benchmark");
  console.log(table([
    ["machine", "value"],
    ["CPU", host.cpu],
    ["cores", String(host.cores)],
    ["memory", `${host.memoryGiB} GiB`],
    ["Node", host.node],
    ["OS", host.platform],
    ["open files limit, soft / hard (needed)", `${host.fdSoft} / ${host.fdHard} (${fdNeeded})`],
    ["load average at start (1 / 5 min)", host.loadAverage],
  ]));
  console.log(
    `Note: the benchmark client and the server run on the same ${host.cores} cores; every figure includes\n` +
      "the client's own work (JSON parsing of every delivery) competing with the server.\n" +
      "Node raises its soft open-files limit to the hard limit at startup; the server inherits it.\n",
  );
}

export function printOutbound(result: OutboundResult, sendRate: number) {
  const response = result.sendResponse;
  console.log(
    `\nOutbound: ${result.replies} replies over ${result.contacts} conversations, queued by ${result.concurrency} ` +
      `concurrent clients, send rate limit ${sendRate}/s per number`,
  );
  console.log(table([
    ["figure", "value"],
    ["replies queued (message.send) / failed", `${result.queued} / ${result.failedSends}`],
    ["queued per second", `${result.queuedPerSecond.toFixed(0)} /s (over ${result.queueSeconds.toFixed(1)} s)`],
    ["message.send response p50 / p99 / max", `${ms(response.p50)} / ${ms(response.p99)} / ${ms(response.max)}`],
    ["sent to the Graph API per second", `${result.sentPerSecond.toFixed(0)} /s (first queued → last sent: ${result.sentSeconds.toFixed(1)} s)`],
    ["most sends within one second", `${result.busiestSecond} (limit ${sendRate})`],
    ["replies WhatsApp received / sent twice", `${result.delivered} / ${result.sentTwice}`],
    ["\"sent\" events a live subscriber got", String(result.sentEvents)],
    ["bench client CPU while queueing (of one core)", percent(result.clientCpu)],
  ]));
  for (const error of result.errors) console.log(`  error: ${error}`);
}
