// POST /api/uploads?conversationId=<id>: an agent's file, to be sent with message.sendMedia. The
// body is the file's bytes (not multipart, so it can be streamed to disk as it arrives and the
// browser can report progress); its type is the Content-Type and its name the X-Filename header
// (URI-encoded). A custom header also means a cross-site page cannot send one without CORS
// allowing it. Authorised like sending: the caller must see the conversation. WhatsApp's type and
// size limits (src/shared/media-kinds.ts) are checked on the declared values first, then on the
// bytes themselves.
import { z } from "zod";
import { judgeAttachment } from "@/shared/media-kinds";
import { findVisibleConversation, loadAccess } from "../services/access";
import { problem, routeUser } from "../http/route-user";
import { storeUpload, UploadRefusedError } from "./uploads";
import { said } from "@/shared/server-text";

const ZQuery = z.object({ conversationId: z.string().min(1).max(100) });
const ZFilename = z.string().trim().min(1).max(255);

export const ZUploadAnswer = z.object({
  uploadId: z.string(),
  kind: z.string(),
  mimeType: z.string(),
  filename: z.string(),
  size: z.number(),
});
export type TUploadAnswer = z.infer<typeof ZUploadAnswer>;

function filenameOf(header: string | null): string | null {
  if (header === null) return null;
  try {
    const parsed = ZFilename.safeParse(decodeURIComponent(header));
    // Only the last path segment, and no control characters: it becomes a download's name later.
    return parsed.success ? parsed.data.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "") || null : null;
  } catch {
    return null;
  }
}

export async function receiveUpload(request: Request): Promise<Response> {
  const user = await routeUser(request, said("signInToUpload"));
  if (user instanceof Response) return user;
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const filename = filenameOf(request.headers.get("x-filename"));
  if (!query.success || !filename) return problem(400, said("uploadNeedsTarget"));
  const conversation = await findVisibleConversation(await loadAccess(user), query.data.conversationId);
  if (!conversation) return problem(404, said("conversationNotFound"));

  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const verdict = judgeAttachment({ type: request.headers.get("content-type") ?? "", size: Number.isFinite(declared) ? declared : 1, name: filename });
  if (!verdict.ok) return problem(verdict.status, verdict.error);
  if (!request.body) return problem(400, said("fileEmpty", { name: filename }));

  try {
    const stored = await storeUpload(
      { userId: user.id, conversationId: conversation.id, kind: verdict.kind, mimeType: verdict.mimeType, filename },
      request.body,
    );
    const answer: TUploadAnswer = { uploadId: stored.id, kind: stored.kind, mimeType: stored.mimeType, filename: stored.filename, size: stored.size };
    return Response.json(answer, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof UploadRefusedError) return problem(error.status, error.text);
    throw error;
  }
}
