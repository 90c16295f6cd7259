// A conversation's newest message in one line, worded from its type and its own words.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ptBR from "../../../../messages/pt-BR.json";
import { englishTranslator } from "@/i18n/test-translator";
import { previewText } from "./preview-text";

const english = englishTranslator("Preview");
const portuguese = createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "Preview" });

describe("list previews", () => {
  it.each([
    ["text", "Is my order ready?", "Is my order ready?"],
    ["template", "Your order 42 has shipped", "Your order 42 has shipped"],
    ["image", "Damaged box on arrival", "📷 Photo: Damaged box on arrival"],
    ["image", "", "📷 Photo"],
    ["document", "invoice.pdf", "📄 Document: invoice.pdf"],
    ["audio", "", "🎤 Audio"],
    ["location", "", "📍 Location"],
    ["location", "Praça da Sé, São Paulo", "📍 Praça da Sé, São Paulo"],
    ["contacts", "Ana, Bruno", "👤 Ana, Bruno"],
    ["reaction", "👍", "Reacted 👍"],
    ["reaction", "", "Removed a reaction"],
    ["unsupported", "", "Unsupported message"],
  ])("show a %s with the words %j as %j", (type, body, line) => {
    expect(previewText(type, body, english)).toBe(line);
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
