// search.conversations over HTTP on the real server: a message that came in by a signed webhook
// is found by a word of it, with the word marked; bad input and anonymous callers are refused.
import { describe, expect, it } from "vitest";
import { testApp } from "../../../../testing/test-app";
import { connect } from "../../../../testing/trpc";
import { postWebhook, textMessage } from "../../../../testing/webhook";

const app = testApp({ signIn: ["agent"] });

describe("search.conversations", () => {
  it("finds a conversation by a word of a message that came in by webhook, the word marked", async () => {
    const delivery = textMessage({ from: "31612345678", name: "Femke de Vries", text: "Mijn fiets is niet aangekomen, bestelling 4471" });
    expect((await postWebhook(app.server.url, app.server.appSecret, delivery)).status).toBe(200);

    const results = await app.agent.client.search.conversations.query({ query: "  FIETS " });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ conversation: { contact: { name: "Femke de Vries", waId: "31612345678" } }, match: { kind: "message", direction: "inbound" } });
    const snippet = results[0]!.match.kind === "message" ? results[0]!.match.snippet : [];
    expect(snippet.filter((part) => part.match).map((part) => part.text)).toEqual(["fiets"]);
    expect(snippet.map((part) => part.text).join("")).toBe("Mijn fiets is niet aangekomen, bestelling 4471");

    const byNumber = await app.agent.client.search.conversations.query({ query: "+31 6 1234" });
    expect(byNumber.map((result) => result.match)).toEqual([{ kind: "contact", field: "number" }]);
  });

  it("refuses an empty or overlong search with a message that says why, and anyone not signed in", async () => {
    await expect(app.agent.client.search.conversations.query({ query: "   " })).rejects.toMatchObject({
      message: expect.stringContaining("Type something to search for"),
      data: { code: "BAD_REQUEST" },
    });
    await expect(app.agent.client.search.conversations.query({ query: "x".repeat(201) })).rejects.toMatchObject({
      message: expect.stringContaining("at most 200 characters"),
    });
    const anonymous = connect(app.server.url);
    try {
      await expect(anonymous.client.search.conversations.query({ query: "fiets" })).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    } finally {
      anonymous.close();
    }
  });
});
