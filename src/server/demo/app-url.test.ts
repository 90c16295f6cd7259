import { describe, expect, it } from "vitest";
import { localAppUrl } from "./app-url";

describe("localAppUrl", () => {
  it.each([
    ["127.0.0.1", "http://127.0.0.1:3000"],
    ["0.0.0.0", "http://127.0.0.1:3000"],
    ["::", "http://[::1]:3000"],
    ["::1", "http://[::1]:3000"],
    ["localhost", "http://localhost:3000"],
  ])("reaches a server listening on %s at %s", (host, url) => {
    expect(localAppUrl(host, 3000)).toBe(url);
  });
});
