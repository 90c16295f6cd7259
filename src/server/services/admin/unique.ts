// A unique index refusing a row that a concurrent write got in first (the services check before
// writing; this covers the race). Prisma reports it as P2002, with the adapters too.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
