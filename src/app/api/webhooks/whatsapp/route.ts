import { handleDelivery, handleVerification } from "@/server/whatsapp/webhook";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleVerification(new URL(request.url));
}

export function POST(request: Request) {
  return handleDelivery(request);
}
