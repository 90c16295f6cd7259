// Long work on the event loop, in slices: a message fanned out to 10,000 sockets is 10,000 writes,
// 150 ms or more of this thread, and in one turn it held every other request for that long (a
// sign-in, a history page, the next webhook). Between slices the loop serves what arrived meanwhile.
// Node has no scheduler that pauses a synchronous loop for I/O, so this is the few lines it takes.
import { performance } from "node:perf_hooks";

export interface SliceOptions {
  /** How long one turn may run before the work pauses at its next yield. */
  sliceMs: number;
  /** Asked at each chance to pause: false keeps the work going in this turn. */
  mayPause(): boolean;
}

/**
 * Runs `work` from the next turn to its end, a slice per turn: it pauses at a `yield` once
 * `sliceMs` has passed and `mayPause()` agrees. `finished` is called in the turn of the last slice.
 */
export function runInSlices(work: Iterator<void, void>, { sliceMs, mayPause }: SliceOptions, finished: () => void): void {
  const slice = () => {
    let paused = false;
    try {
      const deadline = performance.now() + sliceMs;
      while (!work.next().done) {
        if (performance.now() >= deadline && mayPause()) {
          paused = true;
          setImmediate(slice);
          return;
        }
      }
    } finally {
      // Also when the work threw: it is over, and whoever waits for its end must not wait forever.
      if (!paused) finished();
    }
  };
  setImmediate(slice);
}
