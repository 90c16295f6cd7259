// Headers every answer carries, set by ws-server.ts before Next handles the request, so pages,
// route handlers and errors all get them. The Content-Security-Policy is the part that needs no
// nonces from Next's inline scripts: no framing by other sites (clickjacking of the admin pages),
// no <base> or form targets elsewhere, no plugins.
import type { IncomingMessage, ServerResponse } from "node:http";

const CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** True when the browser reached us over https (directly, or through a proxy that says so). */
function overHttps(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return proto?.split(",")[0]?.trim() === "https" || publicUrl?.startsWith("https://") === true;
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, publicUrl: string | undefined): void {
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "same-origin");
  // Only over https: over plain http the header is ignored, and on loopback it would be wrong.
  if (overHttps(req, publicUrl)) res.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains");
}
