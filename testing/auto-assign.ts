// A team for auto-assignment tests, made through the admin API as an admin would: an inbox of its
// own (its own number) and agents who belong to it, each signed in with a client of their own.
import { randomUUID } from "node:crypto";
import { signIn } from "./session";
import { connect } from "./trpc";
import { postWebhook, textMessage } from "./webhook";

type Connection = ReturnType<typeof connect>;

export interface TeamAgent {
  id: string;
  name: string;
  connection: Connection;
  client: Connection["client"];
  /** Their dashboard says it is open (presence): from now on they are online. */
  comeOnline(): Promise<void>;
}

export interface Team {
  inboxId: string;
  phoneNumberId: string;
  agents: TeamAgent[];
  /** A new customer writes to the inbox; returns the conversation's id once it is listed. */
  newConversation(text?: string): Promise<string>;
  /** The same customer of a conversation writes again. */
  writeAgain(conversationId: string, text?: string): Promise<void>;
  close(): void;
}

let phoneCounter = 0;
const nextNumber = (prefix: string) => `${prefix}${String(++phoneCounter).padStart(4, "0")}${String(process.pid % 1000).padStart(3, "0")}`;

export async function createTeam(
  server: { url: string; appSecret: string },
  admin: Connection,
  options: { agents: readonly string[]; autoAssign?: boolean; maxOpen?: number },
): Promise<Team> {
  const phoneNumberId = nextNumber("7700");
  const inbox = await admin.client.admin.inboxes.create.mutate({
    name: `Queue ${phoneNumberId}`,
    phoneNumberId,
    ...(options.autoAssign === undefined ? {} : { autoAssign: options.autoAssign }),
  });
  const connections: Connection[] = [];
  const agents: TeamAgent[] = [];
  for (const name of options.agents) {
    const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.com`;
    const person = await admin.client.admin.people.create.mutate({ name, email, password: "agent-password-1", role: "agent" });
    if (options.maxOpen !== undefined) {
      await admin.client.admin.people.setMaxOpenConversations.mutate({ userId: person.id, maxOpenConversations: options.maxOpen });
    }
    const connection = connect(server.url, { cookie: await signIn(server.url, email, "agent-password-1") });
    connections.push(connection);
    agents.push({
      id: person.id,
      name,
      connection,
      client: connection.client,
      comeOnline: async () => {
        await connection.client.presence.heartbeat.mutate();
      },
    });
  }
  await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: agents.map((agent) => agent.id) });

  const customers = new Map<string, string>();
  return {
    inboxId: inbox.id,
    phoneNumberId,
    agents,
    async newConversation(text = "Hello, anyone there?") {
      const from = nextNumber("1555");
      const response = await postWebhook(server.url, server.appSecret, textMessage({ from, text, phoneNumberId }));
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      const items = (await admin.client.conversation.list.query({ view: "all", status: "all", limit: 100 })).items;
      const conversation = items.find((item) => item.contact.waId === from);
      if (!conversation) throw new Error("the new conversation is not listed");
      customers.set(conversation.id, from);
      return conversation.id;
    },
    async writeAgain(conversationId, text = "Me again") {
      const from = customers.get(conversationId);
      if (!from) throw new Error("not a conversation of this team");
      const response = await postWebhook(server.url, server.appSecret, textMessage({ from, text, phoneNumberId }));
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    },
    close: () => connections.forEach((connection) => connection.close()),
  };
}
