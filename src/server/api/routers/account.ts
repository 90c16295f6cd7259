// The signed-in person's own account: two-factor sign-in and the dashboard's language. These answer even while an enrolment is
// due (signedInProcedure), since they are how it gets done.
import { z } from "zod";
import { beginTwoFactorSetup, confirmTwoFactorSetup, disableTwoFactor, twoFactorStatus } from "../../services/account/two-factor";
import { encodeText, said, schemaSays as says } from "@/shared/server-text";
import { plainParser } from "../plain-parser";
import { signedInProcedure, router } from "../trpc";
import { db } from "../../db/client";
import { LOCALES } from "@/i18n/locales";

const ZCode = z
  .string({ error: says("authCode", "required") })
  .trim()
  .min(6, says("authCode", "enterCode"))
  .max(64, says("authCode", "atMostCharacters", { max: 64 }));
const ZConfirm = z.object({ code: ZCode });
// Either proof will do; the form sends the one the person chose.
const ZDisable = z.union(
  [z.object({ password: z.string().min(1, says("password", "enterPassword")).max(200) }), z.object({ code: ZCode })],
  { error: encodeText(said("passwordOrCode")) },
);

const twoFactorRouter = router({
  status: signedInProcedure.query(({ ctx }) => twoFactorStatus(ctx.user.id)),
  begin: signedInProcedure.mutation(({ ctx }) => beginTwoFactorSetup(ctx.user)),
  confirm: signedInProcedure
    .input(plainParser(ZConfirm))
    .mutation(({ ctx, input }) => confirmTwoFactorSetup(ctx.user.id, ctx.signedInAt ?? null, input.code)),
  disable: signedInProcedure.input(plainParser(ZDisable)).mutation(({ ctx, input }) => disableTwoFactor(ctx.user, input)),
});

const ZLanguage = z.object({ locale: z.enum(LOCALES, { error: says("language", "chooseLanguage") }) });

export const accountRouter = router({
  twoFactor: twoFactorRouter,
  /** The dashboard's language for this person, on every device they sign in on. */
  setLanguage: signedInProcedure.input(plainParser(ZLanguage)).mutation(async ({ ctx, input }) => {
    await db().transaction((tx) => tx.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } }));
    return { locale: input.locale };
  }),
});
