/**
 * The words and numbers around the plot: iteration, loss, parameters, the notebook-style printed log, the
 * banner (divergence, lost connection, refused setting), the play button's label and what a screen reader is
 * told (announce.js). Missing elements (the embed has fewer) are skipped.
 */
import { formatNumber, formatParams } from './format.js';
import { Announcer } from './announce.js';

/** The notebooks print the loss every 10 iterations; short runs (fastbook's 10 steps) print every one. */
export function logsIteration(iter, steps) {
  return steps <= 20 || iter % 10 === 0 || iter === steps;
}

export class Readout {
  constructor(doc = document) {
    const $ = id => doc.getElementById(id);
    this.el = {
      iter: $('iter'), stepsTotal: $('steps-total'), loss: $('loss'), params: $('params'), formula: $('formula'),
      log: $('log'), outcome: $('outcome'), banner: $('banner'), status: $('status'), play: $('play'), step: $('step'),
    };
    this.announcer = new Announcer($('announce'));
    this.playing = false;
  }

  showData(run) {
    const { el } = this;
    if (el.stepsTotal) el.stepsTotal.textContent = ` / ${run.steps}`;
    if (el.formula) el.formula.textContent = run.data.model.formula;
    if (el.log) {
      el.log.textContent = 'iter  loss\n';
      el.log.removeAttribute('tabindex');
    }
    this.hideBanner('outcome');
    this.showFrame(run);
  }

  showFrame(run) {
    const { el } = this;
    if (el.iter) el.iter.textContent = String(run.iter);
    if (el.loss) el.loss.textContent = formatNumber(run.loss);
    if (el.params) {
      const v = run.look === 'fastbook' ? 't' : 'x';
      el.params.textContent = run.data?.standardisation && run.params
        ? `${formatParams(run.parameterNames, run.params)} in ${v}'; in ${v}: ${formatParams(run.parameterNames, run.originalParams)}`
        : formatParams(run.parameterNames, run.params);
    }
    if (el.log && run.params && logsIteration(run.iter, run.steps)) {
      el.log.textContent += `${String(run.iter).padStart(4)}  ${formatNumber(run.loss)}\n`;
      el.log.scrollTop = el.log.scrollHeight;
      // a region that scrolls must be reachable by keyboard to be read (WCAG 2.1.1)
      if (el.log.scrollHeight > el.log.clientHeight) el.log.tabIndex = 0;
    }
    if (run.params && !run.outcome) {
      const sentence = `Iteration ${run.iter} of ${run.steps}, loss ${formatNumber(run.loss)}.`;
      if (this.playing) this.announcer.progress(sentence);
      else if (run.iter > 0) this.announcer.say(sentence); // a step someone asked for
    }
  }

  showOutcome(run) {
    if (run.outcome === 'diverged') {
      this.showBanner('outcome', 'danger', `Diverged at iteration ${run.divergedAt}`, run.message);
      if (this.el.log) this.el.log.textContent += `${String(run.divergedAt).padStart(4)}  diverged\n`;
    }
    const outcome = run.outcome === 'diverged'
      ? `diverged at iteration ${run.divergedAt}`
      : `done: loss ${formatNumber(run.loss)}, least squares ${formatNumber(run.data.optimum.loss)}`;
    if (this.el.outcome) {
      this.el.outcome.textContent = outcome;
      this.el.outcome.dataset.outcome = run.outcome;
    }
    this.announcer.say(`Training ${outcome}.`);
    this.showRunning(false, run.outcome);
  }

  showRunning(running, outcome) {
    const { play, step } = this.el;
    if (running && !this.playing) this.announcer.started();
    this.playing = running;
    if (this.el.outcome && !outcome) {
      this.el.outcome.textContent = running ? 'training…' : 'paused';
      delete this.el.outcome.dataset.outcome;
    }
    if (play) {
      play.textContent = running ? 'Pause' : outcome ? 'Replay' : 'Play';
      play.setAttribute('aria-pressed', String(running));
    }
    if (step) step.disabled = Boolean(outcome);
  }

  showStatus({ state, retryInMs }) {
    const { status } = this.el;
    if (state === 'lost') {
      this.showBanner('connection', 'warn', 'Connection lost',
        `Reconnecting in ${Math.round(retryInMs / 100) / 10} s; the run will pick up where it was.`);
    } else if (state === 'open') {
      this.hideBanner('connection');
    }
    if (status) status.textContent = { connecting: 'connecting…', reconnecting: 'reconnecting…', open: 'live', lost: 'offline', closed: 'closed' }[state] ?? '';
    if (status) status.dataset.state = state;
  }

  showError(message) {
    this.showBanner('error', 'warn', 'That setting was not applied', message);
  }

  hideError() {
    this.hideBanner('error');
  }

  showBanner(source, kind, title, detail) {
    const { banner } = this.el;
    if (!banner) return;
    banner.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = title;
    banner.append(strong);
    if (detail) {
      const p = document.createElement('span');
      p.textContent = ' ' + detail;
      banner.append(p);
    }
    banner.dataset.source = source;
    banner.className = `banner ${kind}`;
  }

  hideBanner(source) {
    const { banner } = this.el;
    if (banner && banner.dataset.source === source) {
      banner.className = 'banner hidden';
      delete banner.dataset.source;
    }
  }
}
