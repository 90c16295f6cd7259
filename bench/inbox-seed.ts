// The team around the big inbox's history (bench/search-seed.ts writes the history itself): agents
// in a few inboxes, conversations given statuses and owners, and read positions as a working team
// leaves them — most conversations read to their newest message, about one in 33 never opened.
// Deterministic from the conversation's place in the history, so runs compare.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { sqliteFilePath } from "../src/server/db/paths";
import type { SearchData } from "./search-seed";

export interface BenchAgent {
  id: string;
  inboxIds: string[];
}

export interface Team {
  adminId: string;
  agents: BenchAgent[];
}

/** One in this many conversations has never been opened by a given person. */
export const UNREAD_ONE_IN = 33;

/** Agent i works in inbox i mod inboxes; every sixth also in the next one. The first is data.agentId. */
export function planTeam(data: SearchData, agentCount: number): Team {
  const inboxes = data.inboxIds;
  const agents = Array.from({ length: agentCount }, (_, index) => {
    const home = index % inboxes.length;
    const inboxIds = index % 6 === 5 ? [inboxes[home]!, inboxes[(home + 1) % inboxes.length]!] : [inboxes[home]!];
    return { id: index === 0 ? data.agentId : randomUUID(), inboxIds };
  });
  return { adminId: data.adminId, agents };
}

export function seedTeamSqlite(databaseUrl: string, data: SearchData, team: Team): void {
  const sqlite = new Database(sqliteFilePath(databaseUrl));
  const insertUser = sqlite.prepare(`INSERT OR IGNORE INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES (?, ?, ?, '-', 'agent')`);
  const insertMember = sqlite.prepare(`INSERT OR IGNORE INTO "InboxMember" ("inboxId", "userId") VALUES (?, ?)`);
  const update = sqlite.prepare(`UPDATE "Conversation" SET "status" = ?, "assigneeId" = ? WHERE "id" = ?`);
  const insertRead = sqlite.prepare(`INSERT INTO "ConversationReadState" ("userId", "conversationId", "lastReadKey", "inboxId", "readInboundCount") VALUES (?, ?, ?, ?, ?)`);
  const agentsOf = new Map(data.inboxIds.map((inboxId) => [inboxId, team.agents.filter((agent) => agent.inboxIds.includes(inboxId))]));
  sqlite.transaction(() => {
    team.agents.forEach((agent, index) => {
      insertUser.run(agent.id, `bench-agent-${index}@example.com`, `Bench Agent ${index}`);
      for (const inboxId of agent.inboxIds) insertMember.run(inboxId, agent.id);
    });
    const inboxes = data.inboxIds.length;
    data.conversations.forEach((conversation, index) => {
      // Conversations go round-robin to the inboxes: counted within its inbox, so that every inbox
      // gets the same mix. 70% resolved, 20% open (half waiting for someone to take them), 10% pending.
      const inInbox = Math.floor(index / inboxes);
      const bucket = inInbox % 10;
      const status = bucket < 7 ? "resolved" : bucket < 9 ? "open" : "pending";
      const owners = agentsOf.get(conversation.inboxId) ?? [];
      const owner = status === "open" && bucket === 7 ? null : (owners[inInbox % Math.max(1, owners.length)]?.id ?? null);
      update.run(status, owner, conversation.id);
    });
    const people = [{ id: team.adminId, inboxIds: data.inboxIds }, ...team.agents];
    people.forEach((person, personIndex) => {
      const sees = new Set(person.inboxIds);
      data.conversations.forEach((conversation, index) => {
        if (!sees.has(conversation.inboxId) || (index + personIndex) % UNREAD_ONE_IN === 0) return;
        // Read to the newest message: every inbound message is read.
        insertRead.run(person.id, conversation.id, conversation.lastMessageKey, conversation.inboxId, conversation.inboundCount);
      });
    });
  })();
  sqlite.close();
}
