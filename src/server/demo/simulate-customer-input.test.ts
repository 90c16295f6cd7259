// What "Simulate customer" accepts, and the plain sentence it answers anything else with.
import { describe, expect, it } from "vitest";
import { parseSimulateCustomer } from "./simulate-customer-input";

const valid = { name: "Ana Souza", number: "15550001234", text: "Olá! Is my order ready? 📦" };

describe("Simulate customer input", () => {
  it("normalises a number typed with a leading + and spaces to the digits WhatsApp uses", () => {
    expect(parseSimulateCustomer({ ...valid, number: " +55 11 95555 0142 " })).toEqual({ ...valid, number: "5511955550142" });
  });

  it("trims the name and the message", () => {
    expect(parseSimulateCustomer({ ...valid, name: "  Ana  ", text: "\n hi \n" })).toMatchObject({ name: "Ana", text: "hi" });
  });

  it.each([
    [{ ...valid, name: "   " }, "Name: write the customer’s name"],
    [{ ...valid, name: "x".repeat(81) }, "Name: at most 80 characters"],
    [{ ...valid, number: "12345" }, "Phone number: use 6 to 15 digits, with the country code"],
    [{ ...valid, number: "1234567890123456" }, "Phone number: use 6 to 15 digits, with the country code"],
    [{ ...valid, number: "555-0100-1" }, "Phone number: use digits only, optionally with a leading + and spaces"],
    [{ ...valid, number: "1555+0001234" }, "Phone number: use digits only, optionally with a leading + and spaces"],
    [{ ...valid, text: "  " }, "Message: write what the customer says"],
    [{ ...valid, text: "x".repeat(4097) }, "Message: at most 4,096 characters"],
    [{ name: "Ana", text: "hi" }, "Phone number: required"],
  ])("refuses %j with one clear sentence", (input, message) => {
    expect(() => parseSimulateCustomer(input)).toThrow(message);
  });

  it("accepts the limits themselves", () => {
    expect(parseSimulateCustomer({ name: "x".repeat(80), number: "123456", text: "x".repeat(4096) }).number).toBe("123456");
    expect(parseSimulateCustomer({ ...valid, number: "123456789012345" }).number).toBe("123456789012345");
  });
});
