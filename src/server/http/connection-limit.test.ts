import { describe, expect, it } from "vitest";
import { FALLBACK_MAX_CONNECTIONS, maxConnections, openFilesLimit, OWN_DESCRIPTORS, UNLIMITED_MAX_CONNECTIONS } from "./connection-limit";

const limits = (soft: string, hard = soft) =>
  [
    "Limit                     Soft Limit           Hard Limit           Units",
    "Max processes             95548                95548                processes",
    `Max open files            ${soft.padEnd(20)} ${hard.padEnd(20)} files`,
    "Max locked memory         8388608              8388608              bytes",
  ].join("\n");

describe("the open-files limit", () => {
  it("is the soft limit of Linux's /proc/self/limits", () => {
    expect(openFilesLimit(limits("1024", "524288"))).toBe(1024);
    expect(openFilesLimit(limits("unlimited"))).toBe(Infinity);
  });

  it("is unknown without that text or with nothing readable in it", () => {
    expect(openFilesLimit(null)).toBeNull();
    expect(openFilesLimit("Max processes 10 10 processes")).toBeNull();
    expect(openFilesLimit(limits("lots"))).toBeNull();
  });

  it("is read from this process on Linux", () => {
    if (process.platform === "linux") expect(openFilesLimit()).toBeGreaterThan(0);
  });
});

describe("the connections the server holds at once", () => {
  it("leave room below the open-files limit for the server's own files", () => {
    expect(maxConnections(undefined, 20_000)).toBe(20_000 - OWN_DESCRIPTORS);
    expect(maxConnections(undefined, 100)).toBe(16);
  });

  it("are a fixed number where the limit is unknown or there is none", () => {
    expect(maxConnections(undefined, null)).toBe(FALLBACK_MAX_CONNECTIONS);
    expect(maxConnections(undefined, Infinity)).toBe(UNLIMITED_MAX_CONNECTIONS);
  });

  it("are what HTTP_MAX_CONNECTIONS says when it is set", () => {
    expect(maxConnections(500, 20_000)).toBe(500);
  });
});
