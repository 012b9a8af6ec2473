/**
 * fastbook chapter 4's seven steps as a strip (init → predict → loss → gradient → step → repeat → stop), with the
 * phase on screen marked: `aria-current="step"` on its item and `data-current` on the list, which tests read.
 */
export const PHASES = ['init', 'predict', 'loss', 'gradient', 'step', 'repeat', 'stop'];

export class SevenSteps {
  constructor(list) {
    this.list = list;
    this.current = null;
  }

  /** Marks `phase` (one of PHASES) as the one happening now. */
  show(phase) {
    if (!this.list || phase === this.current) return;
    this.current = phase;
    this.list.dataset.current = phase;
    for (const item of this.list.querySelectorAll('li')) {
      if (item.dataset.phase === phase) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
  }

  /** The phase a run is in when nobody walks it: its start, the loop while it plays, the step just taken, its end. */
  follow(run, running) {
    if (run.outcome) this.show('stop');
    else if (running) this.show('repeat');
    else this.show(run.iter === 0 ? 'init' : 'step');
  }
}
