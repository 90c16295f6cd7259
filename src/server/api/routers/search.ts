import { ZSearchInput } from "@/shared/search";
import { searchConversations } from "../../services/search";
import { protectedProcedure, router } from "../trpc";

export const searchRouter = router({
  /** Up to 20 conversations the user may see, contact matches first, then by newest matching message. */
  conversations: protectedProcedure.input(ZSearchInput).query(({ ctx, input }) => searchConversations(ctx.access, input.query)),
});
