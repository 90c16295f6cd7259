// Where WhatsApp posts deliveries, relative to the app's URL: the route the webhook handler serves
// (src/pages/api/webhooks/whatsapp.ts), which the body limits, the simulated WhatsApp, `npm run
// simulate` and the tests address. Part of the contract with Meta (configured in the app's
// dashboard), so it never changes.
export const WEBHOOK_PATH = "/api/webhooks/whatsapp";
