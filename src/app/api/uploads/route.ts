// An agent's file to send, stored until message.sendMedia uses it: see src/server/media/upload-route.ts.
import { receiveUpload } from "@/server/media/upload-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return receiveUpload(request);
}
