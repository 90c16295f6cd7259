// The dashboard's language over real HTTP: the sign-in page follows the browser's Accept-Language;
// a person's choice is kept with their account, wins over their browser, and only the offered
// languages are accepted.
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { testApp } from "../../../testing/test-app";

const app = testApp({ signIn: ["agent"] });

const codeOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : `no error: ${String(error)}`;
};

const page = (path: string, headers: Record<string, string>) => fetch(`${app.server.url}${path}`, { headers, redirect: "manual" }).then((response) => response.text());

describe("the dashboard's language", () => {
  it("follows the browser before anyone signs in", async () => {
    expect(await page("/login", { "accept-language": "pt-BR,pt;q=0.9" })).toContain("Entrar no Switchboard");
    expect(await page("/login", { "accept-language": "es-AR,es;q=0.8" })).toContain("Inicia sesión en Switchboard");
    expect(await page("/login", { "accept-language": "de-DE" })).toContain("Sign in to Switchboard");
    // A header nobody could parse is English, not an error page.
    expect(await page("/login", { "accept-language": ";;;q=x,,*" })).toContain("Sign in to Switchboard");
  });

  it("is the person's choice once made, whatever their browser asks for, and only an offered one", async () => {
    try {
      expect(await app.agent.client.account.setLanguage.mutate({ locale: "pt-BR" })).toEqual({ locale: "pt-BR" });
      expect(await page("/account/security", { cookie: app.cookie("agent"), "accept-language": "en-US" })).toContain("Segurança da conta");
      expect(await codeOf(app.agent.client.account.setLanguage.mutate({ locale: "fr" as "es" }))).toBe("BAD_REQUEST");
      expect(await codeOf(app.connect().client.account.setLanguage.mutate({ locale: "es" }))).toBe("UNAUTHORIZED");
    } finally {
      await app.agent.client.account.setLanguage.mutate({ locale: "en" });
    }
    expect(await page("/account/security", { cookie: app.cookie("agent"), "accept-language": "pt-BR" })).toContain("Account security");
  });
});
