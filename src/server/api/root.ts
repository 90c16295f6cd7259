import { conversationRouter } from "./routers/conversation";
import { eventsRouter } from "./routers/events";
import { healthRouter } from "./routers/health";
import { router } from "./trpc";

export const appRouter = router({
  conversation: conversationRouter,
  events: eventsRouter,
  health: healthRouter,
});

export type AppRouter = typeof appRouter;
