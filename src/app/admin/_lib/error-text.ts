import { httpStatusOf } from "@/trpc/query-client";

/** What to tell the admin about a failed call: the server's sentence ("Email: …"), or that it was unreachable. */
export function errorText(error: unknown): string {
  const status = httpStatusOf(error);
  if (error instanceof Error && status !== undefined && status < 500) return error.message;
  if (status !== undefined) return "Something went wrong on the server. Try again.";
  return "Couldn’t reach the server. Check your connection and try again.";
}

/** The server names the field it refuses first ("Phone number ID: …"); that field gets marked. */
export function isAboutField(error: string | null, label: string): boolean {
  return error?.startsWith(`${label}:`) ?? false;
}
