import Module from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rememberAbsoluteResolutions, type ModuleInternals } from "./resolve-memo";

const internals = Module as unknown as ModuleInternals;
const original = internals._resolveFilename;
let restore = () => undefined as void;

/** Counts what reaches the resolver underneath, then puts the memo on top of it. */
function countedThenRemembered(): { calls: () => number } {
  let calls = 0;
  internals._resolveFilename = function (request, parent, isMain, options) {
    calls++;
    return original.call(this, request, parent, isMain, options);
  };
  const undo = rememberAbsoluteResolutions();
  restore = () => {
    undo();
    internals._resolveFilename = original;
  };
  return { calls: () => calls };
}

afterEach(() => restore());

describe("rememberAbsoluteResolutions", () => {
  it("resolves a repeated absolute path once, to the same file", () => {
    const counted = countedThenRemembered();
    const file = path.resolve("package.json");
    expect(internals._resolveFilename(file, null, false)).toBe(file);
    expect(internals._resolveFilename(file, null, false)).toBe(file);
    expect(counted.calls()).toBe(1);
  });

  it("resolves relative requests every time, and never remembers a path that did not resolve", () => {
    const counted = countedThenRemembered();
    // A module in the project's folder asking for a file next to it.
    const parent = new Module(path.resolve("index.js"));
    parent.filename = parent.id;
    expect(internals._resolveFilename("./package.json", parent, false)).toBe(path.resolve("package.json"));
    internals._resolveFilename("./package.json", parent, false);
    const missing = path.resolve("no-such-file-here.js");
    expect(() => internals._resolveFilename(missing, null, false)).toThrow();
    expect(() => internals._resolveFilename(missing, null, false)).toThrow();
    expect(counted.calls()).toBe(4);
  });

  it("puts the resolver back when undone", () => {
    rememberAbsoluteResolutions()();
    expect(internals._resolveFilename).toBe(original);
  });
});
