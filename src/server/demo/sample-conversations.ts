// What a newcomer's inbox holds on the first start of a fresh demo database: a few customers who
// wrote in over the last hours, so the list, the unread badges and the conversation view have
// something believable to show. The numbers use fictional ranges (555) in each country's format.
import type { Customer } from "./customer";

export interface SampleConversation {
  customer: Customer;
  /** Oldest first; `minutesAgo` is counted back from the first start. */
  messages: Array<{ text: string; minutesAgo: number }>;
}

export const SAMPLE_CONVERSATIONS: readonly SampleConversation[] = [
  {
    customer: { name: "Ana Souza", waId: "5511955550142" },
    messages: [
      { text: "Olá! Is my order #4821 ready for pickup? 📦", minutesAgo: 124 },
      { text: "I can come by the shop after 5pm today.", minutesAgo: 122 },
    ],
  },
  {
    customer: { name: "Liam O’Connor", waId: "353855550123" },
    messages: [
      { text: "Hi, I think I was charged twice for my subscription this month.", minutesAgo: 47 },
      { text: "The reference on my bank statement is INV-2291.", minutesAgo: 46 },
    ],
  },
  {
    customer: { name: "Priya Natarajan", waId: "919855550176" },
    messages: [
      { text: "Hello! Do you deliver to Bengaluru?", minutesAgo: 6 },
      { text: "And can I pay cash on delivery?", minutesAgo: 5 },
    ],
  },
];
