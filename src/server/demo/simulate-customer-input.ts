// What "Simulate customer" accepts: the customer's name, their number and their message, checked
// with messages named after the form's fields, so the dialog and the API say the same thing.
import { z } from "zod";
import { MAX_TEXT_LENGTH } from "@/shared/dto";

export const ZSimulateCustomer = z.object({
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Name: write the customer’s name")
    .max(80, "Name: at most 80 characters"),
  number: z
    .string({ error: "Phone number is required" })
    .trim()
    // WhatsApp ids are the digits alone; people type "+1 555 010 2233".
    .regex(/^\+?[\d ]+$/, "Phone number: use digits only, optionally with a leading + and spaces")
    .transform((number) => number.replace(/\D/g, ""))
    .refine((digits) => digits.length >= 6 && digits.length <= 15, "Phone number: use 6 to 15 digits, with the country code"),
  text: z
    .string({ error: "Message is required" })
    .trim()
    .min(1, "Message: write what the customer says")
    .max(MAX_TEXT_LENGTH, `Message: at most ${MAX_TEXT_LENGTH} characters`),
});
export type TSimulateCustomer = z.output<typeof ZSimulateCustomer>;

export class InvalidInputError extends Error {}

/**
 * A tRPC input parser that fails with the first problem as a plain sentence ("Phone number: …")
 * instead of zod's JSON list of issues, so the dialog can show the message as it comes.
 */
export function parseSimulateCustomer(input: unknown): TSimulateCustomer {
  const result = ZSimulateCustomer.safeParse(input);
  if (!result.success) throw new InvalidInputError(result.error.issues[0]?.message ?? "Invalid input");
  return result.data;
}
