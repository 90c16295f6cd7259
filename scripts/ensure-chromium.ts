// The browser tests drive Debian's Chromium (Playwright's own browser download does not work
// here). Find it, install it when we can (root with apt), or stop at once saying how.
import { execSync } from "node:child_process";
import fs from "node:fs";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (!fs.existsSync(chromiumPath)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${chromiumPath} does not exist.`);
    process.exit(1);
  }
  const isRoot = process.getuid?.() === 0;
  let hasApt = false;
  try {
    execSync("command -v apt-get", { stdio: "ignore" });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (!isRoot || !hasApt) {
    console.error(
      "Chromium is needed for the browser tests and was not found at /usr/bin/chromium.\n" +
        "Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.",
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the browser tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
}
console.log(`Chromium: ${chromiumPath}`);
