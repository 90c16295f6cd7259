import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { cannedResponseRouter } from "./routers/canned-responses";
import { contactRouter } from "./routers/contact";
import { conversationRouter } from "./routers/conversation";
import { demoRouter } from "./routers/demo";
import { eventsRouter } from "./routers/events";
import { labelRouter } from "./routers/label";
import { reportRouter } from "./routers/report";
import { messageRouter } from "./routers/message";
import { presenceRouter } from "./routers/presence";
import { searchRouter } from "./routers/search";
import { templateRouter } from "./routers/template";
import { router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  cannedResponse: cannedResponseRouter,
  contact: contactRouter,
  conversation: conversationRouter,
  demo: demoRouter,
  events: eventsRouter,
  label: labelRouter,
  report: reportRouter,
  message: messageRouter,
  presence: presenceRouter,
  search: searchRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;
