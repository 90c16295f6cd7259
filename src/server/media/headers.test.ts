import { describe, expect, it } from "vitest";
import { attachmentDisposition, isInlineType, safeContentType, sanitizeFilename } from "./headers";

describe("sanitizeFilename", () => {
  const name = (input: string | undefined, type = "application/pdf") => sanitizeFilename(input, type, "whatsapp-document-42");

  it("keeps an ordinary name, accents and all", () => {
    expect(name("Invoice 2026-01.pdf")).toBe("Invoice 2026-01.pdf");
    expect(name("Relatório de devolução.pdf")).toBe("Relatório de devolução.pdf");
  });

  it("drops directories, control and reserved characters, and leading dots", () => {
    expect(name("../../etc/passwd")).toBe("passwd");
    expect(name("C:\\Users\\ana\\scan.pdf")).toBe("scan.pdf");
    expect(name("..hidden")).toBe("hidden");
    expect(name('bad"name<>|?*:;.pdf')).toBe("badname.pdf");
    expect(name("line\r\nbreak\u0000.pdf")).toBe("linebreak.pdf");
    // Right-to-left override: a classic way to make "exe.pdf" look like "fdp.exe".
    expect(name("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
  });

  it("shortens a long name but keeps its extension", () => {
    const long = name(`${"a".repeat(300)}.pdf`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith("aaa.pdf")).toBe(true);
  });

  it("falls back to a name from the message, with an extension from the type", () => {
    expect(name(undefined)).toBe("whatsapp-document-42.pdf");
    expect(name("  ...  ")).toBe("whatsapp-document-42.pdf");
    expect(name("/", "audio/ogg; codecs=opus")).toBe("whatsapp-document-42.ogg");
    expect(name("", "application/x-unknown")).toBe("whatsapp-document-42");
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII name for old clients and the exact name encoded for the rest", () => {
    expect(attachmentDisposition("Relatório.pdf")).toBe(`attachment; filename="Relatorio.pdf"; filename*=UTF-8''Relat%C3%B3rio.pdf`);
    expect(attachmentDisposition("订单 (1).pdf")).toBe(`attachment; filename="__ (1).pdf"; filename*=UTF-8''%E8%AE%A2%E5%8D%95%20%281%29.pdf`);
  });
});

describe("safeContentType and isInlineType", () => {
  it("keeps well-formed types with their parameters and replaces the rest", () => {
    expect(safeContentType("audio/ogg; codecs=opus")).toBe("audio/ogg; codecs=opus");
    expect(safeContentType("IMAGE/JPEG")).toBe("image/jpeg");
    expect(safeContentType(undefined)).toBe("application/octet-stream");
    expect(safeContentType("text/html\r\nX-Injected: 1")).toBe("application/octet-stream");
    expect(safeContentType("image/png; x=\"a\r\nb\"")).toBe("image/png");
  });

  it("shows raster images, audio and video; everything else is a download", () => {
    for (const type of ["image/jpeg", "image/webp", "audio/ogg; codecs=opus", "video/mp4"]) expect(isInlineType(type), type).toBe(true);
    for (const type of ["image/svg+xml", "text/html", "application/pdf", "application/octet-stream"]) expect(isInlineType(type), type).toBe(false);
  });
});
