/** Switchboard's mark: a speech bubble on green. Decoration; the name beside it says what it is. */
export function LogoMark({ size = "md" }: { size?: "md" | "lg" }) {
  const box = size === "lg" ? "size-11 rounded-xl shadow-sm" : "size-7 rounded-lg";
  return (
    <span aria-hidden="true" className={`flex items-center justify-center bg-emerald-600 text-white ${box}`}>
      <svg viewBox="0 0 20 20" fill="currentColor" className={size === "lg" ? "size-6" : "size-4"}>
        <path d="M3 5.5A2.5 2.5 0 0 1 5.5 3h9A2.5 2.5 0 0 1 17 5.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-3.6 2.7A.75.75 0 0 1 4.2 16v-2.1A2.5 2.5 0 0 1 3 11.5v-6Z" />
      </svg>
    </span>
  );
}
