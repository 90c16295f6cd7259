// The signed-in person's own account: two-factor sign-in. These answer even while an enrolment is
// due (signedInProcedure), since they are how it gets done.
import { z } from "zod";
import { beginTwoFactorSetup, confirmTwoFactorSetup, disableTwoFactor, twoFactorStatus } from "../../services/account/two-factor";
import { plainParser } from "../../services/admin/input";
import { signedInProcedure, router } from "../trpc";

const ZCode = z
  .string({ error: "Authentication code is required" })
  .trim()
  .min(6, "Authentication code: enter the code your app shows")
  .max(64, "Authentication code: at most 64 characters");
const ZConfirm = z.object({ code: ZCode });
// Either proof will do; the form sends the one the person chose.
const ZDisable = z.union(
  [z.object({ password: z.string().min(1, "Password: enter your password").max(200) }), z.object({ code: ZCode })],
  { error: "Enter your password or a current authentication code" },
);

const twoFactorRouter = router({
  status: signedInProcedure.query(({ ctx }) => twoFactorStatus(ctx.user.id)),
  begin: signedInProcedure.mutation(({ ctx }) => beginTwoFactorSetup(ctx.user)),
  confirm: signedInProcedure
    .input(plainParser(ZConfirm))
    .mutation(({ ctx, input }) => confirmTwoFactorSetup(ctx.user.id, ctx.signedInAt ?? null, input.code)),
  disable: signedInProcedure.input(plainParser(ZDisable)).mutation(({ ctx, input }) => disableTwoFactor(ctx.user, input)),
});

export const accountRouter = router({ twoFactor: twoFactorRouter });
