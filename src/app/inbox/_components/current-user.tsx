"use client";
// Who is signed in, for the parts of the inbox that keep per-user state in the browser (the
// outbox's storage key) or show the user's own name (on replies not yet confirmed by the server).
import { createContext, useContext, type ReactNode } from "react";

export interface CurrentUser {
  /** Stable per account; used in storage keys, never shown. */
  key: string;
  name: string;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser needs a CurrentUserProvider (the inbox shell)");
  return user;
}
