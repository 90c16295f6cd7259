import { SignOutButton } from "./sign-out-button";

/** The end of every signed-in header: who is signed in, and the way out. */
export function SignedInAs({ userName }: { userName: string }) {
  return (
    <>
      <span className="hidden max-w-48 truncate text-sm text-slate-600 sm:block" title={userName}>
        {userName}
      </span>
      <SignOutButton />
    </>
  );
}
