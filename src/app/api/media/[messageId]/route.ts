// A message's media, fetched from WhatsApp, verified and cached on first use: see
// src/server/media/serve.ts.
import { serveMedia } from "@/server/media/serve";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ messageId: string }> };

export async function GET(request: Request, { params }: Context) {
  return serveMedia(request, (await params).messageId);
}

export async function HEAD(request: Request, { params }: Context) {
  return serveMedia(request, (await params).messageId);
}
