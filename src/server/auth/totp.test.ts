import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { newTotpSecret, totpStepOf, totpUri } from "./totp";

const now = () => Math.floor(Date.now() / 1000);
const codeAt = (secret: string, steps: number) => generate({ secret, epoch: now() + steps * 30 });

describe("TOTP codes", () => {
  it("are accepted one step either side of now, with the step they belong to", async () => {
    const secret = newTotpSecret();
    const step = Math.floor(now() / 30);
    for (const offset of [-1, 0, 1]) {
      const found = await totpStepOf(secret, await codeAt(secret, offset));
      // The clock may tick between making the code and checking it.
      expect([step + offset, step + offset + 1]).toContain(found);
    }
  });

  it("are refused two steps away, from another secret, or malformed — never thrown", async () => {
    const secret = newTotpSecret();
    expect(await totpStepOf(secret, await codeAt(secret, -3))).toBeNull();
    expect(await totpStepOf(newTotpSecret(), await codeAt(secret, 0))).toBeNull();
    for (const junk of ["", "12345", "1234567", "abcdef", "１２３４５６"]) expect(await totpStepOf(secret, junk)).toBeNull();
    expect(await totpStepOf("not base32!", "123456")).toBeNull();
  });

  it("accept the spaces apps show inside a code", async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, 0);
    expect(await totpStepOf(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).not.toBeNull();
  });

  it("are offered to apps as an otpauth URI naming Switchboard and the account", () => {
    expect(totpUri("ana@example.com", "JBSWY3DPEHPK3PXP")).toBe(
      "otpauth://totp/Switchboard:ana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Switchboard",
    );
  });
});
