import { conversationRouter } from "./routers/conversation";
import { demoRouter } from "./routers/demo";
import { eventsRouter } from "./routers/events";
import { messageRouter } from "./routers/message";
import { router } from "./trpc";

export const appRouter = router({
  conversation: conversationRouter,
  demo: demoRouter,
  events: eventsRouter,
  message: messageRouter,
});

export type AppRouter = typeof appRouter;
