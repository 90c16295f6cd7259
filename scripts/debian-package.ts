// A system program the tests need (Chromium, PostgreSQL, Redis): found, installed when we can
// (root with apt), or the run stops at once saying how — never a silent skip.
import { execSync } from "node:child_process";

function hasApt(): boolean {
  try {
    execSync("command -v apt-get", { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let aptUpdated = false;

/** Makes `isInstalled()` true by installing Debian's `pkg`, or exits with a message. */
export function ensureDebianPackage(pkg: string, purpose: string, isInstalled: () => boolean): void {
  if (isInstalled()) return;
  if (process.getuid?.() !== 0 || !hasApt()) {
    console.error(`${purpose} needs Debian's ${pkg}, which is not installed.\nInstall it with \`sudo apt-get install -y ${pkg}\`.`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${pkg} (${purpose})…`);
  if (!aptUpdated) execSync("apt-get update -qq", { stdio: "inherit" });
  aptUpdated = true;
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: "inherit" });
  if (!isInstalled()) {
    console.error(`${pkg} was installed but is still not found.`);
    process.exit(1);
  }
}
