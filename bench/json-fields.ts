// Reading parsed JSON field by field: a value of an unexpected shape reads as absent instead of
// passing as a type it is not. For the benchmark's own parsers (load generators, the baseline).
export type JsonObject = Record<string, unknown>;

export const jsonObject = (value: unknown): JsonObject | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
export const jsonList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const jsonText = (value: unknown): string | null => (typeof value === "string" ? value : null);
