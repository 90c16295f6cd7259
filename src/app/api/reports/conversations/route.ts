// The report's conversations as CSV: see src/server/reports/csv.ts.
import { serveReportCsv } from "@/server/reports/csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return serveReportCsv(request);
}
