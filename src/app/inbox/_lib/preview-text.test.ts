// A conversation's newest message in one line, worded from its type and its own words.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ptBR from "../../../../messages/pt-BR.json";
import { englishTranslator } from "@/i18n/test-translator";
import { previewText } from "./preview-text";

const english = englishTranslator("Preview");
const portuguese = createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "Preview" });

describe("list previews", () => {
  it("show a text as it is, and say what media is, with its caption", () => {
    expect(previewText("text", "Is my order ready?", english)).toBe("Is my order ready?");
    expect(previewText("template", "Your order 42 has shipped", english)).toBe("Your order 42 has shipped");
    expect(previewText("image", "Damaged box on arrival", english)).toBe("📷 Photo: Damaged box on arrival");
    expect(previewText("image", "", english)).toBe("📷 Photo");
    expect(previewText("document", "invoice.pdf", english)).toBe("📄 Document: invoice.pdf");
    expect(previewText("audio", "", english)).toBe("🎤 Audio");
    expect(previewText("location", "", english)).toBe("📍 Location");
    expect(previewText("location", "Praça da Sé, São Paulo", english)).toBe("📍 Praça da Sé, São Paulo");
    expect(previewText("contacts", "Ana, Bruno", english)).toBe("👤 Ana, Bruno");
    expect(previewText("reaction", "👍", english)).toBe("Reacted 👍");
    expect(previewText("reaction", "", english)).toBe("Removed a reaction");
    expect(previewText("unsupported", "", english)).toBe("Unsupported message");
  });

  it("say it in the reader's language", () => {
    expect(previewText("image", "A caixa chegou amassada", portuguese)).toBe("📷 Foto: A caixa chegou amassada");
    expect(previewText("video", "", portuguese)).toBe("🎥 Vídeo");
    expect(previewText("sticker", "", portuguese)).toBe("Figurinha");
    expect(previewText("unsupported", "", portuguese)).toBe("Mensagem não suportada");
  });

  it("show an unknown type's words as they are", () => {
    expect(previewText("some_future_type", "words", english)).toBe("words");
  });
});
