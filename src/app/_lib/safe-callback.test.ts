import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback";

describe("the page to go to after signing in", () => {
  it("keeps our own pages", () => {
    expect(safeCallbackUrl("/admin")).toBe("/admin");
    expect(safeCallbackUrl("/inbox/abc?filter=mine#m1")).toBe("/inbox/abc?filter=mine#m1");
    expect(safeCallbackUrl(["/admin", "/x"])).toBe("/admin");
  });

  it("refuses every way of pointing a browser at another site", () => {
    for (const hostile of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/%09/evil.example".replace("%09", "\t"),
      "/\n/evil.example",
      "\\/evil.example",
      " /evil",
      "javascript:alert(1)",
    ]) {
      expect(safeCallbackUrl(hostile), JSON.stringify(hostile)).toBe("/inbox");
    }
  });

  it("never loops back to sign-in or lands on the API", () => {
    expect(safeCallbackUrl("/login?callbackUrl=/admin")).toBe("/inbox");
    expect(safeCallbackUrl("/api/health")).toBe("/inbox");
    expect(safeCallbackUrl(undefined, "/admin")).toBe("/admin");
  });
});
