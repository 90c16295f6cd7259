// Reports: admins see anyone's figures, agents their own (src/server/reports/scope.ts).
import { ZReportQuery } from "@/shared/reports";
import { reportOptions } from "../../reports/options";
import { buildReport } from "../../reports/query";
import { plainParser } from "../plain-parser";
import { protectedProcedure, router } from "../trpc";

export const reportRouter = router({
  options: protectedProcedure.query(({ ctx }) => reportOptions(ctx.user, ctx.access)),
  get: protectedProcedure.input(plainParser(ZReportQuery)).query(({ ctx, input }) => buildReport(ctx.user, ctx.access, input)),
});
