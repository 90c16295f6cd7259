const tones = [
  "bg-emerald-100 text-emerald-800",
  "bg-sky-100 text-sky-800",
  "bg-amber-100 text-amber-800",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-teal-100 text-teal-800",
];

function toneFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return tones[hash % tones.length] ?? tones[0]!;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  // Array.from keeps emoji and non-Latin letters whole.
  return letters.map((word) => Array.from(word ?? "")[0] ?? "").join("").toUpperCase() || "?";
}

const dimensionsOf = { sm: "size-7 text-[11px]", md: "size-9 text-xs", lg: "size-10 text-sm" } as const;

export function Avatar({ name, seed, size = "md" }: { name: string; seed: string; size?: keyof typeof dimensionsOf }) {
  const dimensions = dimensionsOf[size];
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-full font-semibold ${dimensions} ${toneFor(seed)}`}
    >
      {initials(name)}
    </span>
  );
}
