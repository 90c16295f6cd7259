// Leaving the inbox with a full page load, not a client-side transition: the tab's socket, query
// cache and session state must not outlive a sign-out or a lost session.

export function loadPage(path: string): void {
  window.location.assign(new URL(path, window.location.origin));
}

/** To the sign-in page, coming back to where the user was. */
export function loadLoginPage(): void {
  const back = window.location.pathname + window.location.search;
  loadPage(`/login?callbackUrl=${encodeURIComponent(back)}`);
}
