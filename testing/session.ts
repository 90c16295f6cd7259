// Signs in through next-auth's own Credentials endpoint, as a browser would, and returns the
// session cookie for HTTP requests and WebSocket upgrades.
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = cookiePairs(csrfResponse.headers);

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiePairs(response.headers)
    .split("; ")
    .filter((pair) => pair.includes("session-token"))
    .join("; ");
  if (!session) throw new Error(`sign-in failed for ${email} (HTTP ${response.status})`);
  return session;
}

function cookiePairs(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Signs out through next-auth's endpoint, as the dashboard's "Sign out" does. */
export async function signOut(baseUrl: string, sessionCookie: string): Promise<void> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = [sessionCookie, cookiePairs(csrfResponse.headers)].filter(Boolean).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (response.status >= 400) throw new Error(`sign-out failed (HTTP ${response.status})`);
}
