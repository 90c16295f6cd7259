// Managing people, inboxes and who belongs to which: admins only (checked before the input).
// A bad input is BAD_REQUEST with a sentence named after the form's field ("Email: …").
import { createInbox, listInboxes, setMembers, updateInbox } from "../../services/admin/inboxes";
import {
  ZCreateInbox,
  ZCreatePerson,
  ZResetPassword,
  ZSetActive,
  ZSetMaxOpenConversations,
  ZSetMembers,
  ZSetRole,
  ZSetTwoFactorRequired,
  ZUpdateInbox,
  ZUserId,
} from "../../services/admin/input";
import { createPerson, listPeople, resetPassword, setActive, setMaxOpenConversations, setRole } from "../../services/admin/people";
import { resetTwoFactor, securitySettings, setTwoFactorRequired } from "../../services/admin/two-factor";
import { plainParser } from "../plain-parser";
import { adminProcedure, router } from "../trpc";

const peopleRouter = router({
  list: adminProcedure.query(() => listPeople()),
  create: adminProcedure.input(plainParser(ZCreatePerson)).mutation(({ input }) => createPerson(input)),
  setRole: adminProcedure.input(plainParser(ZSetRole)).mutation(({ ctx, input }) => setRole(ctx.user.id, input.userId, input.role)),
  setActive: adminProcedure
    .input(plainParser(ZSetActive))
    .mutation(({ ctx, input }) => setActive(ctx.user.id, input.userId, input.active)),
  resetPassword: adminProcedure
    .input(plainParser(ZResetPassword))
    .mutation(({ input }) => resetPassword(input.userId, input.password)),
  resetTwoFactor: adminProcedure.input(plainParser(ZUserId)).mutation(({ input }) => resetTwoFactor(input.userId)),
  setMaxOpenConversations: adminProcedure
    .input(plainParser(ZSetMaxOpenConversations))
    .mutation(({ input }) => setMaxOpenConversations(input.userId, input.maxOpenConversations)),
});

const securityRouter = router({
  get: adminProcedure.query(() => securitySettings()),
  setTwoFactorRequired: adminProcedure
    .input(plainParser(ZSetTwoFactorRequired))
    .mutation(({ ctx, input }) => setTwoFactorRequired(ctx.user.id, input.required)),
});

const inboxesRouter = router({
  list: adminProcedure.query(() => listInboxes()),
  create: adminProcedure.input(plainParser(ZCreateInbox)).mutation(({ input }) => createInbox(input)),
  update: adminProcedure.input(plainParser(ZUpdateInbox)).mutation(({ input }) => updateInbox(input)),
  setMembers: adminProcedure.input(plainParser(ZSetMembers)).mutation(({ input }) => setMembers(input)),
});

export const adminRouter = router({ people: peopleRouter, inboxes: inboxesRouter, security: securityRouter });
