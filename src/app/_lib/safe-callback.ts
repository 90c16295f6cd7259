/** Where to go after signing in: only a path on this site, never another origin. */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/inbox"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return fallback;
  }
  if (candidate.startsWith("/login") || candidate.startsWith("/api/")) return fallback;
  return candidate;
}
