// Secrets at rest, against the real server and its real database: what an admin stores is sealed in
// the database, still works (a webhook signed with the inbox's own secret is accepted), secrets
// stored in clear before are sealed at the next start, and a wrong key stops the start by name.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../testing/server";
import { testApp } from "../../../testing/test-app";
import { prismaFor } from "../../../testing/test-database";
import { postWebhook, textMessage } from "../../../testing/webhook";

const app = testApp({ signIn: ["admin"] });

const fakeSecret = (label: string) => `fake_${label}_${randomBytes(10).toString("hex")}`;
const uniqueNumber = () => `4000${Date.now() % 1e9}${Math.floor(Math.random() * 100)}`;

async function storedInbox(id: string) {
  const prisma = prismaFor(app.server.databaseUrl);
  try {
    return await prisma.inbox.findUniqueOrThrow({ where: { id }, select: { accessToken: true, appSecret: true } });
  } finally {
    await prisma.$disconnect();
  }
}

describe("secrets stored in the database", () => {
  it("are sealed, never in clear, and still sign the inbox's webhooks", async () => {
    const token = fakeSecret("token");
    const secret = fakeSecret("secret");
    const phoneNumberId = uniqueNumber();
    const inbox = await app.admin.client.admin.inboxes.create.mutate({ name: "Sealed", phoneNumberId, accessToken: token, appSecret: secret });

    const stored = await storedInbox(inbox.id);
    for (const value of [stored.accessToken, stored.appSecret]) expect(value).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const delivery = textMessage({ phoneNumberId, from: "15550404040", text: "Signed with the inbox's own secret" });
    expect((await postWebhook(app.server.url, secret, delivery)).status).toBe(200);
    const listed = (await app.admin.client.conversation.list.query()).items;
    expect(listed.some((conversation) => conversation.inboxId === inbox.id && conversation.lastPreview.includes("own secret"))).toBe(true);
  });

  it("stored in clear before sealing existed are sealed at the next start, and keep working", async () => {
    const secret = fakeSecret("legacy");
    const phoneNumberId = uniqueNumber();
    const inbox = await app.admin.client.admin.inboxes.create.mutate({ name: "Legacy", phoneNumberId });
    const prisma = prismaFor(app.server.databaseUrl);
    await prisma.inbox.update({ where: { id: inbox.id }, data: { appSecret: secret } });
    await prisma.$disconnect();

    await app.server.restart();
    expect((await storedInbox(inbox.id)).appSecret).toMatch(/^sealed:v1:/);
    const delivery = textMessage({ phoneNumberId, from: "15550404041", text: "Still signed" });
    expect((await postWebhook(app.server.url, secret, delivery)).status).toBe(200);
  });

  it("stop a start with another key, naming DATA_ENCRYPTION_KEY", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "ws-server.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: "0",
        DATABASE_URL: app.server.databaseUrl,
        DATA_DIR: app.server.dataDir,
        NEXTAUTH_SECRET: "test-session-secret-not-a-real-one",
        WHATSAPP_APP_SECRET: app.server.appSecret,
        WHATSAPP_VERIFY_TOKEN: app.server.verifyToken,
        DATA_ENCRYPTION_KEY: `another-key-${randomBytes(16).toString("hex")}`,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATA_ENCRYPTION_KEY: does not open the (accessToken|appSecret) of inbox/);
    expect(result.stdout).not.toMatch(/listening/);
  });
});
