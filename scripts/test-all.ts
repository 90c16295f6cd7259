// `npm test`: everything, in the order that fails fastest — typecheck, lint, unit tests, then the
// production build that the integration and browser tests run against; the integration tests run
// twice, on SQLite and on PostgreSQL with Redis.
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "eslint", "--max-warnings=0", "."]],
  // Some unit tests (the event log's order, migrations, search, the shared send pace) run against
  // throwaway PostgreSQL and Redis servers.
  ["PostgreSQL and Redis check", ["npx", "tsx", "scripts/ensure-servers.ts"]],
  ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ["browser check", ["npx", "tsx", "scripts/ensure-chromium.ts"]],
  ["production build", ["npx", "tsx", "scripts/ensure-build.ts"]],
  ["integration tests on SQLite", ["npx", "vitest", "run", "--project", "integration"]],
  ["integration tests on PostgreSQL and Redis", ["env", "SWITCHBOARD_TEST_DATABASE=postgresql", "npx", "vitest", "run", "--project", "integration"]],
  ["browser tests", ["npx", "playwright", "test"]],
];

const started = Date.now();
for (const [name, [command, ...args]] of steps) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(" ")}`);
  const stepStart = Date.now();
  const result = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
