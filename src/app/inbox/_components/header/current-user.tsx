"use client";
// Who is signed in, as the server found them when the page loaded: the parts of the inbox that
// filter by "mine", show admin controls, keep per-user state in the browser (the outbox's storage
// key) or show the user's own name (on replies not yet confirmed by the server).
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/shared/dto";

export interface CurrentUser {
  id: string;
  role: Role;
  name: string;
  /** Stable per account (the email, lower-cased); used in storage keys, never shown. */
  key: string;
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
