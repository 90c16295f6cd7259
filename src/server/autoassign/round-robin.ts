// Whose turn it is. Candidates are taken in a fixed order (by id); the turn goes to the first one
// after whoever the inbox gave its last conversation to, wrapping round. Someone who was not free
// last time is simply skipped, and takes their turn again once they are.

/** The candidate whose turn it is, or null when there is none; `candidateIds` in any order. */
export function nextInTurn(candidateIds: readonly string[], lastUserId: string | null): string | null {
  const ordered = [...candidateIds].sort();
  if (ordered.length === 0) return null;
  if (lastUserId === null) return ordered[0]!;
  return ordered.find((id) => id > lastUserId) ?? ordered[0]!;
}
