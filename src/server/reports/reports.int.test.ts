// Reports over real HTTP against the real server and database. First on a seeded month with known
// answers (counts, medians and p90s by nearest rank, days and busiest hours in the viewer's time
// zone, the split by person, the CSV), then the write path: a customer's message, a reply, resolving
// and a customer reopening it show up in the figures as they happened.
import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { createTeam } from "../../../testing/auto-assign";
import type { Prisma } from "../db/generated/client";
import { prismaFor } from "../../../testing/test-database";
import { testApp } from "../../../testing/test-app";
import { postWebhook, textMessage } from "../../../testing/webhook";

const app = testApp({ signIn: ["admin"] });

// São Paulo has kept UTC−3 all year since 2019: local midnight is 03:00 UTC.
const SAO_PAULO = "America/Sao_Paulo";
const MARCH = { from: "2025-03-01", to: "2025-03-31", timeZone: SAO_PAULO };

const codeOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : `no error: ${String(error)}`;
};

describe("a report over a seeded month", () => {
  it("gives the known counts, medians, p90s, days, busiest hours and people", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Rita Reports", "Rui Reports"] });
    const prisma = prismaFor(app.server.databaseUrl);
    try {
      const [rita, rui] = team.agents;
      const conversationId = await team.newConversation("Seed");
      const at = (iso: string) => new Date(iso);
      const span = (fields: Omit<Prisma.ConversationSpanCreateManyInput, "id" | "conversationId" | "inboxId">) => ({ id: randomUUID(), conversationId, inboxId: team.inboxId, ...fields });
      await prisma.conversationSpan.createMany({
        data: [
          // Ten first replies on 10 March, 10 s to 100 s: median 50 s (rank 5), p90 90 s (rank 9).
          ...Array.from({ length: 10 }, (_, index) =>
            span({
              assigneeId: index % 2 === 0 ? rita!.id : rui!.id,
              openedAt: at("2025-03-10T14:00:00Z"),
              firstInboundAt: at("2025-03-10T14:00:00Z"),
              firstReplyAt: at("2025-03-10T15:00:00Z"),
              firstResponseSeconds: (index + 1) * 10,
            }),
          ),
          // Five resolved on 11 March: 60, 120, 180, 240, 3600 s → median 180 s (rank 3), p90 3600 s (rank 5).
          ...[60, 120, 180, 240, 3600].map((seconds) =>
            span({ assigneeId: rita!.id, openedAt: at("2025-02-20T12:00:00Z"), resolvedAt: at("2025-03-11T12:00:00Z"), resolutionSeconds: seconds }),
          ),
          // 28 February 23:30 and 1 April 00:30 in São Paulo: March in UTC, not in the viewer's calendar.
          span({ openedAt: at("2025-03-01T02:30:00Z") }),
          span({ openedAt: at("2025-02-01T00:00:00Z"), resolvedAt: at("2025-04-01T03:30:00Z"), resolutionSeconds: 5 }),
        ],
      });
      await prisma.messageHour.createMany({
        data: [
          // Monday 3 March, 10:00 and 11:00 in São Paulo.
          { inboxId: team.inboxId, userId: "", hour: at("2025-03-03T13:00:00Z"), inbound: 7, outbound: 0 },
          { inboxId: team.inboxId, userId: rita!.id, hour: at("2025-03-03T14:00:00Z"), inbound: 2, outbound: 4 },
          // 28 February 23:00 in São Paulo: not March.
          { inboxId: team.inboxId, userId: "", hour: at("2025-03-01T02:00:00Z"), inbound: 100, outbound: 0 },
        ],
      });

      const report = await app.admin.client.report.get.query({ ...MARCH, inboxId: team.inboxId });
      expect(report).toMatchObject({
        opened: 10,
        resolved: 5,
        firstResponse: { count: 10, median: 50, p90: 90 },
        resolution: { count: 5, median: 180, p90: 3600 },
      });
      expect(report.days).toHaveLength(31);
      expect(report.days[0]).toEqual({ day: "2025-03-01", inbound: 0, outbound: 0 });
      expect(report.days.find((day) => day.day === "2025-03-03")).toEqual({ day: "2025-03-03", inbound: 9, outbound: 4 });
      expect(report.days.reduce((total, day) => total + day.inbound, 0)).toBe(9);
      expect(report.busiestHours[1]![10]).toBe(7);
      expect(report.busiestHours[1]![11]).toBe(2);
      expect(report.busiestHours.flat().reduce((total, n) => total + n, 0)).toBe(9);
      expect(report.agents).toEqual([
        { agentId: rita!.id, name: "Rita Reports", opened: 5, resolved: 5, firstResponse: { count: 5, median: 50, p90: 90 }, resolution: { count: 5, median: 180, p90: 3600 } },
        { agentId: rui!.id, name: "Rui Reports", opened: 5, resolved: 0, firstResponse: { count: 5, median: 60, p90: 100 }, resolution: { count: 0, median: null, p90: null } },
      ]);

      // One person's figures: the admin asks for Rui's; Rui sees his own and nobody else's.
      const ruis = await app.admin.client.report.get.query({ ...MARCH, agentId: rui!.id });
      expect(ruis).toMatchObject({ opened: 5, resolved: 0, firstResponse: { median: 60, p90: 100 }, agents: [] });
      expect(await rui!.client.report.get.query(MARCH)).toEqual(ruis);
      expect(await codeOf(rui!.client.report.get.query({ ...MARCH, agentId: rita!.id }))).toBe("FORBIDDEN");
      expect((await rui!.client.report.options.query()).people).toEqual([]);

      // The CSV: a row per conversation opened in the range, in the viewer's time zone.
      const query = new URLSearchParams({ ...MARCH, inboxId: team.inboxId });
      const csv = await fetch(`${app.server.url}/api/reports/conversations?${query}`, { headers: { cookie: app.cookie("admin") } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\n");
      expect(lines[0]).toBe("Contact,Phone,Inbox,Assignee,Opened,First reply,Resolved,First response (seconds),Resolution (seconds)");
      expect(lines).toHaveLength(11);
      expect(lines[1]).toMatch(/^Alex Example,\+1555\d+,Queue \d+,Ru?i[a-z]* Reports,2025-03-10 11:00,2025-03-10 12:00,,\d+,$/);
      // The header row in the language the downloader reads (here their browser's: Portuguese).
      const inPortuguese = await fetch(`${app.server.url}/api/reports/conversations?${query}`, { headers: { cookie: app.cookie("admin"), "accept-language": "pt-BR,pt;q=0.9" } });
      const header = (await inPortuguese.text()).replace(/^\uFEFF/, "").split("\n")[0];
      expect(header).toBe("Contato,Telefone,Caixa de entrada,Responsável,Aberta em,Primeira resposta,Resolvida em,Tempo da primeira resposta (segundos),Resolução (segundos)");
    } finally {
      await prisma.$disconnect();
      team.close();
    }
  });

  it("refuses a malformed or too long range, an unseen inbox, and a stranger's CSV", async () => {
    expect(await codeOf(app.admin.client.report.get.query({ ...MARCH, from: "2025-04-01" }))).toBe("BAD_REQUEST");
    expect(await codeOf(app.admin.client.report.get.query({ ...MARCH, from: "2023-01-01" }))).toBe("BAD_REQUEST");
    expect(await codeOf(app.admin.client.report.get.query({ ...MARCH, timeZone: "Mars/Olympus_Mons" }))).toBe("BAD_REQUEST");
    expect(await codeOf(app.admin.client.report.get.query({ ...MARCH, from: "1 March" }))).toBe("BAD_REQUEST");
    const team = await createTeam(app.server, app.admin, { agents: ["Inga Inbox"] });
    const other = await createTeam(app.server, app.admin, { agents: [] });
    try {
      expect(await codeOf(team.agents[0]!.client.report.get.query({ ...MARCH, inboxId: other.inboxId }))).toBe("NOT_FOUND");
      const anonymous = await fetch(`${app.server.url}/api/reports/conversations?${new URLSearchParams(MARCH)}`);
      expect(anonymous.status).toBe(401);
      const bad = await fetch(`${app.server.url}/api/reports/conversations?from=x`, { headers: { cookie: app.cookie("admin") } });
      expect(bad.status).toBe(400);
    } finally {
      team.close();
      other.close();
    }
  });
});

describe("the figures as they happen", () => {
  it("count a customer's message, the first reply, resolving, and the customer reopening it", async () => {
    const team = await createTeam(app.server, app.admin, { agents: ["Fia First"] });
    try {
      const [fia] = team.agents;
      const from = `1555${Date.now() % 10_000_000}`;
      const twoHoursAgo = Math.floor(Date.now() / 1000) - 7200;
      const name = '=HYPERLINK("http://evil.example")';
      // The customer wrote two hours ago (the provider's timestamp); the name is a formula.
      const response = await postWebhook(
        app.server.url,
        app.server.appSecret,
        textMessage({ from, name, text: "Where is my order?", timestamp: String(twoHoursAgo), phoneNumberId: team.phoneNumberId }),
      );
      expect(response.status).toBe(200);
      const conversation = (await fia!.client.conversation.list.query({ view: "all", status: "all", limit: 100 })).items.find((item) => item.contact.waId === from)!;
      await fia!.client.conversation.assign.mutate({ conversationId: conversation.id, assigneeId: fia!.id });
      await fia!.client.message.send.mutate({ conversationId: conversation.id, id: randomUUID(), body: "On its way!" });
      await fia!.client.message.send.mutate({ conversationId: conversation.id, id: randomUUID(), body: "Tracking: 123" });
      await fia!.client.conversation.setStatus.mutate({ conversationId: conversation.id, status: "resolved" });
      const reopen = await postWebhook(app.server.url, app.server.appSecret, textMessage({ from, name, text: "Thanks!", phoneNumberId: team.phoneNumberId }));
      expect(reopen.status).toBe(200);

      const today = new Date().toISOString().slice(0, 10);
      const range = { from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), to: today, timeZone: "UTC", inboxId: team.inboxId };
      const report = await app.admin.client.report.get.query(range);
      expect(report.opened).toBe(2);
      expect(report.resolved).toBe(1);
      expect(report.firstResponse.count).toBe(1);
      expect(report.firstResponse.median).toBeGreaterThanOrEqual(7200);
      expect(report.firstResponse.median).toBeLessThan(7200 + 120);
      expect(report.resolution.count).toBe(1);
      expect(report.resolution.median).toBeLessThan(120);
      expect(report.days.reduce((total, day) => total + day.inbound, 0)).toBe(2);
      expect(report.days.reduce((total, day) => total + day.outbound, 0)).toBe(2);
      expect(report.agents).toMatchObject([{ agentId: fia!.id, resolved: 1 }]);
      // Fia's own report: the replies she sent, the conversation she resolved.
      expect(await fia!.client.report.get.query(range)).toMatchObject({ resolved: 1, firstResponse: { count: 1 } });

      const csv = await fetch(`${app.server.url}/api/reports/conversations?${new URLSearchParams(range)}`, { headers: { cookie: app.cookie("admin") } });
      const rows = (await csv.text()).trim().split("\n").slice(1);
      expect(rows).toHaveLength(2);
      // Kept as text by a spreadsheet, not run as a formula.
      expect(rows[0]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);
    } finally {
      team.close();
    }
  });
});
