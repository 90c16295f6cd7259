// Where to go after signing in: only ever a page of our own. The value is parsed the way a browser
// will parse it (tabs and newlines dropped, backslashes read as slashes), so "/\t/evil.example" —
// which a prefix check passes and a browser follows to evil.example — is refused.
const OWN = "http://switchboard.invalid";

export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/inbox"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate?.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, OWN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("/login") || path.startsWith("/api/")) return fallback;
  return path;
}
