// The server's own URL, for the demo features that post webhooks to it over real HTTP. Only
// ws-server.ts knows the port it got, and only after listening; it registers the URL here on
// globalThis, where the tRPC routers (compiled into Next's module graph) find it too.
const globalForAppUrl = globalThis as typeof globalThis & { __switchboardAppUrl?: string };

/** A URL this machine can reach the server on: a wildcard listen address becomes loopback. */
export function localAppUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" || host === "[::]" ? "::1" : host;
  const bracketed = reachable.includes(":") && !reachable.startsWith("[") ? `[${reachable}]` : reachable;
  return `http://${bracketed}:${port}`;
}

export function registerAppUrl(url: string | undefined): void {
  globalForAppUrl.__switchboardAppUrl = url;
}

/** The server's own URL; undefined until ws-server.ts is listening (or in a process without it). */
export function appUrl(): string | undefined {
  return globalForAppUrl.__switchboardAppUrl;
}
