// The process's registry renders counters, histograms (with their buckets), the state gauges and
// the process's own metrics in Prometheus text, with the plain `name value` lines readers expect.
import { describe, expect, it } from "vitest";
import { increment, metricsRegistry, setProcessRole, setStateGauges, startFanoutTimer, timeWebhook } from "./metrics";

const render = () => metricsRegistry().metrics();

describe("metrics", () => {
  it("creates a counter on first use and adds to it", async () => {
    increment("switchboard_test_things_total", "Things counted by the test");
    increment("switchboard_test_things_total", "Things counted by the test", 4);
    increment("switchboard_test_nothing_total", "Counted with zero", 0);
    const text = await render();
    expect(text).toContain("# TYPE switchboard_test_things_total counter");
    expect(text).toMatch(/^switchboard_test_things_total 5$/m);
    expect(text).toMatch(/^switchboard_test_nothing_total 0$/m);
  });

  it("times webhook POSTs by status, also when the handler throws", async () => {
    await timeWebhook(async () => new Response("ok", { status: 200 }));
    await expect(timeWebhook(() => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    const text = await render();
    expect(text).toContain("# TYPE switchboard_webhook_duration_seconds histogram");
    expect(text).toMatch(/^switchboard_webhook_duration_seconds_bucket\{le="0.005",status="200"\} [01]$/m);
    expect(text).toMatch(/^switchboard_webhook_duration_seconds_bucket\{le="\+Inf",status="200"\} 1$/m);
    expect(text).toMatch(/^switchboard_webhook_duration_seconds_count\{status="200"\} 1$/m);
    expect(text).toMatch(/^switchboard_webhook_duration_seconds_count\{status="500"\} 1$/m);
  });

  it("observes a fan-out batch", async () => {
    const done = startFanoutTimer();
    done();
    const text = await render();
    expect(text).toMatch(/^switchboard_fanout_duration_seconds_bucket\{le="0.0001"\} [01]$/m);
    expect(text).toMatch(/^switchboard_fanout_duration_seconds_bucket\{le="\+Inf"\} 1$/m);
    expect(text).toMatch(/^switchboard_fanout_duration_seconds_count 1$/m);
  });

  it("reports the state gauges, the process and its process metrics", async () => {
    setStateGauges({ switchboard_live_subscriptions: 3, switchboard_outbox_queued: 2, switchboard_outbox_failed: 1, switchboard_outbox_in_doubt: 0 });
    let text = await render();
    expect(text).toMatch(/^switchboard_live_subscriptions 3$/m);
    expect(text).toMatch(/^switchboard_outbox_queued 2$/m);
    expect(text).toMatch(/^switchboard_outbox_failed 1$/m);
    expect(text).toMatch(/^switchboard_outbox_in_doubt 0$/m);
    expect(text).toContain(`switchboard_process_info{pid="${process.pid}",role="web"} 1`);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);

    setProcessRole("worker");
    text = await render();
    expect(text).toContain(`switchboard_process_info{pid="${process.pid}",role="worker"} 1`);
    expect(text).not.toContain('role="web"');
    expect(metricsRegistry().contentType).toMatch(/^text\/plain; version=0.0.4/);
  });
});
