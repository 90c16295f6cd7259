// A short name for a document's type, shown on its download link: from the MIME type WhatsApp
// reports when it is a common office format, else the file's extension.
const DOCUMENT_KINDS: Record<string, string> = {
  "application/pdf": "PDF",
  "text/plain": "Text",
  "application/msword": "Word",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/vnd.ms-excel": "Excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.ms-powerpoint": "PowerPoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
};

/** A short name for a document's type: "PDF", "Excel", or the file's extension. */
export function documentKind(mimeType: string | undefined, filename: string | undefined): string {
  const known = mimeType ? DOCUMENT_KINDS[mimeType.split(";")[0]!.trim().toLowerCase()] : undefined;
  if (known) return known;
  const extension = filename?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1];
  return extension ? extension.toUpperCase() : "File";
}
