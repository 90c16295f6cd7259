// The browser tests drive Debian's Chromium (Playwright's own browser download does not work
// here). Find it, install it when we can (root with apt), or stop at once saying how.
import fs from "node:fs";
import { ensureDebianPackage } from "./debian-package";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (!fs.existsSync(chromiumPath) && process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${chromiumPath} does not exist.`);
  process.exit(1);
}
ensureDebianPackage("chromium", "The browser tests", () => fs.existsSync(chromiumPath));
console.log(`Chromium: ${chromiumPath}`);
