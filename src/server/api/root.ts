import { conversationRouter } from "./routers/conversation";
import { eventsRouter } from "./routers/events";
import { router } from "./trpc";

export const appRouter = router({
  conversation: conversationRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
