import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type AdminOutputs = inferRouterOutputs<AppRouter>["admin"];
export type AdminInbox = AdminOutputs["inboxes"]["list"][number];
export type AdminPerson = AdminOutputs["people"]["list"][number];
