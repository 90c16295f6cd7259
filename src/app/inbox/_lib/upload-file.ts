// One file to POST /api/uploads, with upload progress. XMLHttpRequest rather than fetch: only it
// reports how much of a request body has gone out (fetch would need a streamed body, which needs
// HTTP/2 or chunked encoding, and the server refuses bodies without a Content-Length).
import { z } from "zod";
import { isServerText, type ServerText } from "@/shared/server-text";

const ZUploaded = z.object({ uploadId: z.string(), kind: z.string(), mimeType: z.string(), filename: z.string(), size: z.number() });
export type Uploaded = z.infer<typeof ZUploaded>;
const ZProblem = z.object({ error: z.string(), text: z.unknown().optional() });

export interface UploadHandle {
  done: Promise<Uploaded>;
  abort: () => void;
}

/**
 * Why an upload failed: the server's refusal (`text`, with its English as the message), or no
 * answer at all (`status` 0). `status` 401 means signed out.
 */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly text?: ServerText,
  ) {
    super(message);
  }
}

export function uploadFile(conversationId: string, file: File, mimeType: string, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Uploaded>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // An error page from a proxy: the status says enough.
      }
      const uploaded = ZUploaded.safeParse(json);
      if (xhr.status === 201 && uploaded.success) return resolve(uploaded.data);
      const problem = ZProblem.safeParse(json);
      const text = problem.success && isServerText(problem.data.text) ? problem.data.text : undefined;
      reject(new UploadError(problem.success ? problem.data.error : `HTTP ${xhr.status}`, xhr.status, text));
    };
    xhr.onerror = () => reject(new UploadError("unreachable", 0));
    xhr.onabort = () => reject(new UploadError("cancelled", 0));
  });
  xhr.open("POST", `/api/uploads?conversationId=${encodeURIComponent(conversationId)}`);
  xhr.setRequestHeader("content-type", mimeType);
  xhr.setRequestHeader("x-filename", encodeURIComponent(file.name || "file"));
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}
