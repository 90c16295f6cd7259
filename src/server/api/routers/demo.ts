// Demo mode's controls (DESIGN.md, "Demo mode"): whether to offer them, and "Simulate customer",
// which posts a signed inbound webhook to our own endpoint for admins to play a customer.
import { TRPCError } from "@trpc/server";
import { said } from "@/shared/server-text";
import { DemoUnavailableError, writeAsCustomer } from "../../demo/customer";
import { parseSimulateCustomer } from "../../demo/simulate-customer-input";
import { newWamid } from "../../demo/webhook-payloads";
import { isDemoMode } from "../../whatsapp/graph-target";
import { protectedProcedure, refusal, router } from "../trpc";

// Who may, and when, is checked before the input: an agent learns FORBIDDEN, not what is wrong
// with a form they cannot use.
const adminInDemoMode = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw refusal("FORBIDDEN", said("adminsOnlySimulate"));
  if (!isDemoMode()) {
    throw refusal("PRECONDITION_FAILED", said("demoOnly"));
  }
  return next();
});

export const demoRouter = router({
  /** True when the "Simulate customer" control applies: demo mode, and the caller is an admin. */
  enabled: protectedProcedure.query(({ ctx }) => isDemoMode() && ctx.user.role === "admin"),

  /** Posts "`name` (`number`) says `text`" to the default inbox as WhatsApp would; admins, demo mode only. */
  // A bad input is BAD_REQUEST with the parser's sentence as the message ("Phone number: …").
  simulateCustomer: adminInDemoMode.input(parseSimulateCustomer).mutation(async ({ input }) => {
    const wamid = newWamid("DEMO");
    try {
      await writeAsCustomer({ name: input.name, waId: input.number }, [{ text: input.text, wamid }]);
    } catch (error) {
      if (error instanceof DemoUnavailableError) throw refusal("PRECONDITION_FAILED", error.text);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: error instanceof Error ? error.message : String(error), cause: error });
    }
    return { wamid, waId: input.number };
  }),
});
