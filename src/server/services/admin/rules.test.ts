import { describe, expect, it } from "vitest";
import { roleOrActiveChangeRefusal, type PersonState } from "./rules";

const me: PersonState = { id: "me", role: "admin", active: true };
const otherAdmin: PersonState = { id: "other", role: "admin", active: true };
const agent: PersonState = { id: "agent", role: "agent", active: true };

describe("roleOrActiveChangeRefusal", () => {
  it("refuses to let admins deactivate or demote themselves", () => {
    expect(roleOrActiveChangeRefusal("me", me, { role: "admin", active: false }, 3)).toBe("cannotDeactivateSelf");
    expect(roleOrActiveChangeRefusal("me", me, { role: "agent", active: true }, 3)).toBe("cannotDemoteSelf");
  });

  it("refuses to take away the last active admin", () => {
    const refusal = "lastAdmin";
    expect(roleOrActiveChangeRefusal("me", otherAdmin, { role: "agent", active: true }, 0)).toBe(refusal);
    expect(roleOrActiveChangeRefusal("me", otherAdmin, { role: "admin", active: false }, 0)).toBe(refusal);
  });

  it("allows demoting or deactivating an admin while another active admin remains", () => {
    expect(roleOrActiveChangeRefusal("me", otherAdmin, { role: "agent", active: true }, 1)).toBeNull();
    expect(roleOrActiveChangeRefusal("me", otherAdmin, { role: "admin", active: false }, 1)).toBeNull();
  });

  it("allows any change to agents, and promoting them, whatever the admin count", () => {
    expect(roleOrActiveChangeRefusal("me", agent, { role: "agent", active: false }, 0)).toBeNull();
    expect(roleOrActiveChangeRefusal("me", agent, { role: "admin", active: true }, 0)).toBeNull();
    expect(roleOrActiveChangeRefusal("me", { ...agent, active: false }, { role: "agent", active: true }, 0)).toBeNull();
  });

  it("allows an inactive admin to be reactivated", () => {
    expect(roleOrActiveChangeRefusal("me", { ...otherAdmin, active: false }, { role: "admin", active: true }, 1)).toBeNull();
  });
});
