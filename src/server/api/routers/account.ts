// The signed-in person's own account: two-factor sign-in and the dashboard's language. These answer even while an enrolment is
// due (signedInProcedure), since they are how it gets done.
import { z } from "zod";
import { beginTwoFactorSetup, confirmTwoFactorSetup, disableTwoFactor, twoFactorStatus } from "../../services/account/two-factor";
import { plainParser } from "../../services/admin/input";
import { signedInProcedure, router } from "../trpc";
import { db } from "../../db/client";
import { LOCALES } from "@/i18n/locales";

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

const ZLanguage = z.object({ locale: z.enum(LOCALES, { error: "Language: choose English, Português (Brasil) or Español" }) });

export const accountRouter = router({
  twoFactor: twoFactorRouter,
  /** The dashboard's language for this person, on every device they sign in on. */
  setLanguage: signedInProcedure.input(plainParser(ZLanguage)).mutation(async ({ ctx, input }) => {
    await db().transaction((tx) => tx.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } }));
    return { locale: input.locale };
  }),
});
