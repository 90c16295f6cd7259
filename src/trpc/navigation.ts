// Leaving the inbox with a full page load, not a client-side transition: the tab's socket, query
// cache and session state must not outlive a sign-out or a lost session.

// Only the first departure counts. Signing out also ends the session the live socket watches, whose
// UNAUTHORIZED would start a second load that aborts the first (and would come back to this page
// after signing in again, which the user did not ask for).
let leaving = false;

export function loadPage(path: string): void {
  if (leaving) return;
  leaving = true;
  go(path);
}

/** Leaves for `path` once `work` has settled; no other departure starts meanwhile. */
export async function loadPageAfter(work: Promise<unknown>, path: string): Promise<void> {
  if (leaving) return;
  leaving = true;
  await work.catch(() => undefined); // the page load is the way out either way
  go(path);
}

/** To the sign-in page, coming back to where the user was. */
export function loadLoginPage(): void {
  const back = window.location.pathname + window.location.search;
  loadPage(`/login?callbackUrl=${encodeURIComponent(back)}`);
}

function go(path: string): void {
  window.location.assign(new URL(path, window.location.origin));
}
