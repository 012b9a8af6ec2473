/**
 * What a screen reader hears of a run, through one polite live region: how it is going at most once every few
 * seconds while it plays (frames come 50 a second; reading each would drown everything else), and its outcome
 * at once. Knows nothing of runs: it is given sentences.
 */

/** Long enough for a reader to finish one sentence before the next replaces it. */
export const PROGRESS_EVERY_MS = 5000;

export class Announcer {
  /** @param region the element with aria-live="polite" (none: say nothing); @param now the clock, in ms */
  constructor(region, { everyMs = PROGRESS_EVERY_MS, now = () => performance.now() } = {}) {
    this.region = region;
    this.everyMs = everyMs;
    this.now = now;
    this.last = -Infinity;
  }

  /** The run starts playing: its first progress waits a whole interval, so a short run says only its outcome. */
  started() {
    this.last = this.now();
  }

  /** How the run is going, said only when the last sentence is a whole interval old. */
  progress(sentence) {
    if (this.now() - this.last >= this.everyMs) this.say(sentence);
  }

  /** Said at once: the run is done or diverged, or a step a person asked for. */
  say(sentence) {
    this.last = this.now();
    if (this.region && this.region.textContent !== sentence) this.region.textContent = sentence;
  }
}
