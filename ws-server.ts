// The one entry point, in development and production: an HTTP server that hands requests to Next,
// WebSocket upgrades on /api/trpc-ws to tRPC and, in development, other upgrades (Next's hot
// reload) to Next.
import { createServer } from "node:http";
import type { Socket } from "node:net";
import next from "next";
import { startBackgroundServices } from "./src/server/background";
import { bootstrap } from "./src/server/bootstrap";
import { closeBus } from "./src/server/bus";
import { closeDb, db } from "./src/server/db/client";
import { dataDir } from "./src/server/db/paths";
import { localAppUrl } from "./src/server/demo/app-url";
import { prepareDemo } from "./src/server/demo/first-start";
import { env, EnvError, parseEnv } from "./src/server/env";
import { provideLocalSecrets } from "./src/server/local-secrets";
import { keepLocalStatePrivate } from "./src/server/local-state";
import { logger } from "./src/server/logger";
import { CLIENT_ADDRESS_HEADER, clientAddressOfRequest } from "./src/server/auth/client-address";
import { refuseBody } from "./src/server/http/body-limits";
import { maxConnections } from "./src/server/http/connection-limit";
import { noteDroppedConnection } from "./src/server/http/dropped-connections";
import { rememberAbsoluteResolutions } from "./src/server/http/resolve-memo";
import { setSecurityHeaders } from "./src/server/http/security-headers";
import { createRealtime } from "./src/server/realtime/ws";
import { requestIdFromHeader, withRequestId } from "./src/server/request-context";
import { indexMessagesAfterCommits } from "./src/server/services/search/message-index-schedule";
import { startStoreThread } from "./src/server/whatsapp/store-thread/queue";
import { WS_PATH } from "./src/shared/realtime";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Without a configured public URL, next-auth builds its URLs from the request's Host header
// (otherwise it assumes http://localhost:3000).
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";

async function main() {
  // Validate first (a bad value stops here), then fill in generated secrets and validate again.
  const configured = parseEnv(process.env);
  keepLocalStatePrivate(configured);
  provideLocalSecrets(dataDir(configured), process.env);
  const config = env();
  await bootstrap();
  // On SQLite the webhook's deliveries are stored on a thread of their own, ready before the first;
  // it also moves new messages into the search index after their commits.
  const onSqlite = db().provider === "sqlite";
  if (onSqlite) startStoreThread();
  const stopSearchIndexing = onSqlite ? indexMessagesAfterCommits() : null;

  const dev = config.NODE_ENV !== "production";
  // Next serves its WebSocket upgrades (the dev server's hot reload) from an "upgrade" listener
  // that it attaches, on the first request it serves, to the `httpServer` it was given, else to
  // that request's server — where it would run its route resolver for every upgrade, ours too
  // (about 200 µs each: 2 s of CPU while 10,000 dashboards connect). So it is given a server of
  // its own that never listens, and only the upgrades that are not ours are passed on to it.
  // (`app.getUpgradeHandler()` does nothing in a custom server: Next's dev server answers none.)
  const nextUpgrades = createServer();
  const app = next({ dev, hostname: config.HOST, port: config.PORT, httpServer: nextUpgrades });
  await app.prepare();
  if (!dev) rememberAbsoluteResolutions();
  const handleRequest = app.getRequestHandler();
  const realtime = createRealtime({ publicUrl: config.NEXTAUTH_URL });

  const server = createServer((req, res) => {
    // Every log line written while serving the request carries its id; the caller gets it back.
    const id = requestIdFromHeader(req.headers["x-request-id"]);
    res.setHeader("x-request-id", id);
    setSecurityHeaders(req, res, config.NEXTAUTH_URL);
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOfRequest(req, config.TRUST_PROXY === "1");
    // Before Next reads anything: route handlers buffer whole bodies with no bound of their own.
    if (refuseBody(req, res, config)) return;
    withRequestId(id, () =>
      handleRequest(req, res).catch((error: unknown) => {
        logger.error("request failed", { url: req.url, error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      }),
    );
  });
  // A bound on the connections held at once, below the open-files limit (./src/server/http/connection-limit.ts).
  server.maxConnections = maxConnections(config.HTTP_MAX_CONNECTIONS);
  server.on("drop", noteDroppedConnection);
  // Every socket, upgraded ones included: server.close() waits for all of them, and
  // closeAllConnections() only reaches sockets still speaking HTTP.
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (req, socket, head) => {
    const path = (req.url ?? "").split("?")[0];
    if (path === WS_PATH) realtime.handleUpgrade(req, socket, head);
    else if (dev) nextUpgrades.emit("upgrade", req, socket, head);
    // In production Next upgrades nothing (it would only proxy rewrites to other hosts, and there
    // are none): answered and closed here, so no one can hold a socket open by asking.
    else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  // How the simulator and the demo reach this server (loopback when listening on every interface).
  const ownUrl = localAppUrl(config.HOST, port);
  const background = await startBackgroundServices(ownUrl, config.WORKER_IN_WEB === "1");
  // Before "listening" is printed, so a fresh demo inbox is already filled when someone looks.
  await prepareDemo(ownUrl);
  console.log(`Switchboard listening on http://${config.HOST}:${port} (${dev ? "development" : "production"})`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info("shutting down", { signal });
    // Requests in flight get a moment to finish; after that, whatever is still open is cut.
    setTimeout(() => sockets.forEach((socket) => socket.destroy()), 5_000).unref();
    // First, so replies being sent record their outcome while the database is open.
    await background.stop();
    await realtime.close();
    server.closeIdleConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
    await closeBus();
    stopSearchIndexing?.();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error("Switchboard failed to start:", error);
  }
  process.exit(1);
});
