// The optional chime for a new message: a preference kept in localStorage, and a short two-note
// sound made with the Web Audio API (no asset to load). Browsers let a page start audio only after
// the person interacted with it, so the context is created (unlocked) on a click or key press and
// kept for when the tab is hidden.
const STORAGE_KEY = "switchboard:new-message-sound";
const CHANGE_EVENT = "switchboard:sound-preference";

export function isSoundOn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false; // storage blocked: off, the default
  }
}

export function setSoundOn(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {
    // Kept for this page only; nothing else to do.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** For useSyncExternalStore: this tab's changes and other tabs' (the "storage" event). */
export function subscribeSoundPreference(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

let context: AudioContext | null = null;

/** Call from a user gesture: creates or resumes the audio context so a later chime can play. */
export function unlockAudio(): void {
  if (typeof AudioContext === "undefined") return;
  context ??= new AudioContext();
  if (context.state === "suspended") void context.resume().catch(() => undefined);
}

export function playChime(): void {
  if (!context || context.state !== "running") return;
  const start = context.currentTime;
  const gain = context.createGain();
  gain.connect(context.destination);
  // Soft attack and decay, so it does not click.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
  for (const [frequency, offset] of [[880, 0], [1318.5, 0.12]] as const) {
    const tone = context.createOscillator();
    tone.type = "sine";
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(start + offset);
    tone.stop(start + 0.45);
  }
}
