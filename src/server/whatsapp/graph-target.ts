// Where the Cloud API is and which token to use for an inbox: the one place the outbox worker and
// the media route ask. With WHATSAPP_ACCESS_TOKEN set it is Meta's Graph API (WHATSAPP_API_BASE_URL);
// without it (demo mode) it is the simulated WhatsApp that ws-server.ts starts on loopback, which
// registers itself here on globalThis so that Next's module graph finds it too.
import { env } from "../env";
import { unseal } from "../secrets/sealed";

export interface GraphTarget {
  /** The Graph API base including the version, e.g. https://graph.facebook.com/v21.0 */
  baseUrl: string;
  accessToken: string;
}

const globalForGraph = globalThis as typeof globalThis & { __switchboardSimulatedGraph?: GraphTarget };

export function isDemoMode(): boolean {
  return !env().WHATSAPP_ACCESS_TOKEN;
}

export function registerSimulatedGraph(target: GraphTarget | undefined): void {
  globalForGraph.__switchboardSimulatedGraph = target;
}

/** The API and token for an inbox (its stored token, sealed or not); null when there is none (demo mode before the simulator runs). */
export function graphTarget(inbox: { accessToken: string | null }): GraphTarget | null {
  const { WHATSAPP_ACCESS_TOKEN, WHATSAPP_API_BASE_URL } = env();
  if (inbox.accessToken) return { baseUrl: WHATSAPP_API_BASE_URL, accessToken: unseal(inbox.accessToken) };
  if (WHATSAPP_ACCESS_TOKEN) return { baseUrl: WHATSAPP_API_BASE_URL, accessToken: WHATSAPP_ACCESS_TOKEN };
  return globalForGraph.__switchboardSimulatedGraph ?? null;
}
