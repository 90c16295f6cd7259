import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The dashboard's languages: src/i18n/request.ts picks one per request, messages/*.json say it.
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // The app is served by ws-server.ts (a custom server), so no standalone output.
  poweredByHeader: false,
  // Replies are tiny JSON; gzip costs more CPU than it saves (a reverse proxy can compress pages).
  compress: false,
  reactStrictMode: true,
  // `npm test` typechecks the whole project (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Native and Node-only packages stay outside the bundle; the server loads them at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "redis", "prom-client", "bcryptjs", "ws"],
};

export default withNextIntl(config);
