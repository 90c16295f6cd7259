import { publicProcedure, router } from "../trpc";

export const healthRouter = router({
  /** Who the caller is, for clients that want to know without a page load. */
  whoami: publicProcedure.query(({ ctx }) => ctx.user),
});
