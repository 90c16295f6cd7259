// What "Simulate customer" accepts: the customer's name, their number and their message, checked
// with messages named after the form's fields, so the dialog and the API say the same thing.
import { z } from "zod";
import { MAX_TEXT_LENGTH } from "@/shared/dto";
import { schemaSays as says } from "@/shared/server-text";
import { plainParser } from "../api/plain-parser";

export const ZSimulateCustomer = z.object({
  name: z
    .string({ error: says("name", "required") })
    .trim()
    .min(1, says("name", "writeCustomerName"))
    .max(80, says("name", "atMostCharacters", { max: 80 })),
  number: z
    .string({ error: says("phoneNumber", "required") })
    .trim()
    // WhatsApp ids are the digits alone; people type "+1 555 010 2233".
    .regex(/^\+?[\d ]+$/, says("phoneNumber", "usePhoneDigits"))
    .transform((number) => number.replace(/\D/g, ""))
    .refine((digits) => digits.length >= 6 && digits.length <= 15, says("phoneNumber", "phoneDigitCount")),
  text: z
    .string({ error: says("message", "required") })
    .trim()
    .min(1, says("message", "writeWhatCustomerSays"))
    .max(MAX_TEXT_LENGTH, says("message", "atMostCharacters", { max: MAX_TEXT_LENGTH })),
});
export type TSimulateCustomer = z.output<typeof ZSimulateCustomer>;

/** Fails with the first problem as one sentence ("Phone number: …"), for the dialog to show as it comes. */
export const parseSimulateCustomer = plainParser(ZSimulateCustomer);
