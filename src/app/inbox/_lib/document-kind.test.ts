// A document's download link names its type: "PDF", "Excel", or the file's own extension.
import { describe, expect, it } from "vitest";
import { documentKind } from "./document-kind";

describe("a document's kind", () => {
  it("names common office formats by their MIME type, parameters and case aside", () => {
    expect(documentKind("application/pdf", "scan")).toBe("PDF");
    expect(documentKind("Application/PDF; charset=binary", undefined)).toBe("PDF");
    expect(documentKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "prices.xlsx")).toBe("Excel");
  });

  it("falls back to the file's extension, then to File", () => {
    expect(documentKind("application/zip", "photos.zip")).toBe("ZIP");
    expect(documentKind(undefined, "notes.md")).toBe("MD");
    expect(documentKind("application/octet-stream", "README")).toBe("File");
    expect(documentKind(undefined, undefined)).toBe("File");
  });
});
