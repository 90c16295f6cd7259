// What the server says travels as a key, its values and the field it is about, and reads the same
// in English (logs, API callers) as it always did, and in each language with the field's label first.
import { createTranslator } from "next-intl";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import es from "../../messages/es.json";
import ptBR from "../../messages/pt-BR.json";
import { wordText } from "@/i18n/word-text";
import { english } from "@/server/i18n/english";
import { decodeText, encodeText, firstIssueText, firstProblem, isServerText, said, saidOf, schemaSays } from "./server-text";

describe("server texts", () => {
  it("read in English as the sentence, the field's label first", () => {
    expect(english(said("conversationNotFound"))).toBe("Conversation not found");
    expect(english(saidOf("email", "emailTaken", { email: "ana@example.com" }))).toBe("Email: ana@example.com already belongs to someone");
    expect(english(said("tooManyAttempts", { minutes: 1 }))).toBe("Too many attempts. Try again in 1 minute.");
    expect(english(said("tooManyAttempts", { minutes: 5 }))).toBe("Too many attempts. Try again in 5 minutes.");
    const label = encodeText(said("templateVariable", { key: "2" }));
    expect(english(said("labelled", { label, problem: encodeText(said("fillEveryVariable")) }))).toBe("Variable 2: Fill in every variable");
  });

  it("read in Portuguese and Spanish with the field's label in that language", () => {
    const inPortuguese = (text: Parameters<typeof english>[0]) =>
      wordText(text, createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "Server" }), createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "Fields" }));
    const inSpanish = (text: Parameters<typeof english>[0]) =>
      wordText(text, createTranslator({ locale: "es", messages: es, namespace: "Server" }), createTranslator({ locale: "es", messages: es, namespace: "Fields" }));
    expect(inPortuguese(saidOf("password", "atLeastCharacters", { min: 8 }))).toBe("Senha: no mínimo 8 caracteres");
    expect(inPortuguese(said("messageTooLong", { max: 4096 }))).toBe("Uma mensagem pode ter no máximo 4.096 caracteres");
    expect(inSpanish(saidOf("email", "notAnEmail"))).toBe("Correo electrónico: no es una dirección de correo válida");
    expect(inSpanish(said("templateFieldCount", { count: 1 }))).toBe("Esta plantilla tiene 1 campo; rellena cada uno");
    // A stored failure reason within another: each worded, WhatsApp's code kept.
    const gaveUp = said("sendGaveUp", { attempts: 3, reason: `${encodeText(said("sendWindowClosed"))} (131047)` });
    expect(inPortuguese(gaveUp)).toBe(
      "Desistiu depois de 3 tentativas: Já se passaram mais de 24 horas desde a última mensagem do cliente, então o WhatsApp só aceita um modelo de mensagem agora. (131047)",
    );
    expect(english(said("sendGaveUp", { attempts: 3, reason: "Rate limit hit (130429)" }))).toBe("Gave up after 3 attempts: Rate limit hit (130429)");
  });

  it("travel through a zod schema's message and back, also from inside a union none matched", () => {
    const schema = z.object({ name: z.string().min(1, schemaSays("name", "writeAName")) });
    const result = schema.safeParse({ name: "" });
    expect(result.success).toBe(false);
    expect(firstIssueText(result.error?.issues)).toEqual({ key: "writeAName", field: "name" });

    const either = z.union([z.string().trim().min(1, encodeText(said("fillEveryVariable"))), z.string().startsWith("https:")]);
    const union = either.safeParse(" ");
    expect(union.error?.issues[0]?.code).toBe("invalid_union");
    expect(firstIssueText(union.error?.issues)).toEqual({ key: "fillEveryVariable" });

    expect(firstProblem(z.string().safeParse(1).error?.issues)).toEqual({ key: "invalidInput" });
    expect(decodeText("Expected string, received number")).toBeNull();
    expect(decodeText("server-text:{not json")).toBeNull();
  });

  it("take from the wire only what has the shape of one", () => {
    expect(isServerText({ key: "conversationNotFound" })).toBe(true);
    expect(isServerText({ key: "emailTaken", values: { email: "a@b.c" }, field: "email" })).toBe(true);
    expect(isServerText({ key: 1 })).toBe(false);
    expect(isServerText({ key: "x", values: { nested: {} } })).toBe(false);
    expect(isServerText({ key: "x", field: 3 })).toBe(false);
    expect(isServerText("conversationNotFound")).toBe(false);
    expect(isServerText(null)).toBe(false);
  });
});
