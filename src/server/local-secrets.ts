// Secrets that a first run must not ask for: the session secret and the key that seals secrets in
// the database always, and in demo mode (no WhatsApp access token) the webhook secret and verify
// token the built-in simulator signs with.
// Generated once and kept under data/, so sessions and signatures survive restarts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

function keptSecret(dir: string, file: string): string {
  const target = path.join(dir, file);
  if (fs.existsSync(target)) return fs.readFileSync(target, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(target, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Fills in unset secrets in `environment` (process.env at start) from files under `dir`. */
export function provideLocalSecrets(dir: string, environment: Record<string, string | undefined>): void {
  const unset = (name: string) => !environment[name]?.trim();
  if (unset("NEXTAUTH_SECRET")) environment.NEXTAUTH_SECRET = keptSecret(dir, "nextauth-secret");
  // Beside the database it protects copies of the database file (backups, dumps), not the folder:
  // set it in the environment to keep it off this disk (README, Security).
  if (unset("DATA_ENCRYPTION_KEY")) environment.DATA_ENCRYPTION_KEY = keptSecret(dir, "data-encryption-key");
  if (unset("WHATSAPP_ACCESS_TOKEN")) {
    if (unset("WHATSAPP_APP_SECRET")) environment.WHATSAPP_APP_SECRET = keptSecret(dir, "demo-app-secret");
    if (unset("WHATSAPP_VERIFY_TOKEN")) environment.WHATSAPP_VERIFY_TOKEN = keptSecret(dir, "demo-verify-token");
  }
}
