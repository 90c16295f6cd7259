// Run as a child process before a test server that talks to a fake Cloud API starts: such a server
// has a WHATSAPP_ACCESS_TOKEN, so it is not in demo mode and would refuse to start without a
// configured admin (src/server/bootstrap.ts). Tests sign in as the demo users, so this runs the same
// start-up once in demo mode — migrations, default inbox, demo users — and exits.
import { bootstrap } from "../src/server/bootstrap";
import { closeDb } from "../src/server/db/client";
import { dataDir } from "../src/server/db/paths";
import { parseEnv } from "../src/server/env";
import { provideLocalSecrets } from "../src/server/local-secrets";
import { keepLocalStatePrivate } from "../src/server/local-state";

delete process.env.WHATSAPP_ACCESS_TOKEN;
const configured = parseEnv(process.env);
keepLocalStatePrivate(configured);
provideLocalSecrets(dataDir(configured), process.env);
await bootstrap();
await closeDb();
