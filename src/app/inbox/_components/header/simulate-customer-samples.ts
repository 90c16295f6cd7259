// Ready-made customers for "Simulate customer", so one click sends something believable. Numbers
// are in the +1 555 01xx range, which is reserved for fiction.
const NAMES = [
  "Maria Silva",
  "Kenji Tanaka",
  "Fatima Zahra",
  "Lucas Martin",
  "Chloé Dubois",
  "Oluwaseun Adeyemi",
  "Sofia Rossi",
  "Arjun Mehta",
  "Emma Johansson",
  "Diego Hernández",
];

const MESSAGES = [
  "Hi! Is my order on its way? 📦",
  "Do you have the blue one in size M?",
  "What time do you open on Saturday?",
  "Can I change the delivery address for order #5530?",
  "The parcel arrived, thank you! 🙌",
  "Hello, I'd like to book a table for four tonight.",
  "Is there a discount for students?",
];

const pick = <T,>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export interface SampleCustomer {
  name: string;
  number: string;
}

export function randomCustomer(): SampleCustomer {
  const line = String(Math.floor(Math.random() * 100)).padStart(2, "0");
  return { name: pick(NAMES), number: `+1 202 555 01${line}` };
}

export const randomCustomerMessage = () => pick(MESSAGES);
