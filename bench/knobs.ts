// Benchmark settings from the environment, each clamped to a range so no setting can make a loop
// unbounded.
export function knob(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

const numbers = (list: string) =>
  list
    .split(",")
    .map((item) => Number(item.trim()))
    .filter((value) => Number.isFinite(value) && value > 0);

/** A comma-separated list of numbers (at most `maxItems`), each clamped like `knob`. */
export function listKnob(name: string, fallback: number[], min: number, max: number, maxItems = 5): number[] {
  const given = numbers(process.env[name] ?? "");
  return (given.length ? given : fallback).slice(0, maxItems).map((value) => Math.min(max, Math.max(min, Math.round(value))));
}
