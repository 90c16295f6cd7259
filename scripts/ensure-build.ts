// Builds the Next app for production unless the last build came from exactly these sources.
// `npm start` and the test suite call it, so a fresh clone builds once and a rerun does not.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, ".next");
const stampFile = path.join(distDir, "switchboard-build-hash");
const inputs = ["src", "messages", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

function* files(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of fs.readdirSync(full).sort()) {
    if (/\.(test|int\.test)\.tsx?$/.test(child)) continue;
    yield* files(path.join(entry, child));
  }
}

const hash = createHash("sha256");
for (const input of inputs) {
  for (const file of files(input)) hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file)));
}
const digest = hash.digest("hex");

const built = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile);
if (built && fs.readFileSync(stampFile, "utf8") === digest) {
  console.log("Production build is up to date.");
} else {
  console.log("Building for production (next build)…");
  execFileSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  fs.writeFileSync(stampFile, digest);
}
