// Which WhatsApp Business Account an inbox's templates belong to: its own setting, or for the
// default inbox WHATSAPP_BUSINESS_ACCOUNT_ID. In demo mode the default inbox uses the simulated
// WhatsApp's account, so a newcomer sees templates with no Meta account at all.
import { env } from "../env";
import { isDemoMode } from "../whatsapp/graph-target";

/** The simulated WhatsApp's business account (src/server/demo/simulated-templates.ts serves any id). */
export const DEMO_BUSINESS_ACCOUNT_ID = "100000000000001";

export function businessAccountIdOf(inbox: { businessAccountId: string | null; phoneNumberId: string; accessToken: string | null }): string | null {
  if (inbox.businessAccountId) return inbox.businessAccountId;
  const { WHATSAPP_BUSINESS_ACCOUNT_ID, WHATSAPP_PHONE_NUMBER_ID } = env();
  if (inbox.phoneNumberId !== WHATSAPP_PHONE_NUMBER_ID) return null;
  if (WHATSAPP_BUSINESS_ACCOUNT_ID) return WHATSAPP_BUSINESS_ACCOUNT_ID;
  return isDemoMode() && !inbox.accessToken ? DEMO_BUSINESS_ACCOUNT_ID : null;
}
