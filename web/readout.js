/**
 * The words and numbers around the plot: iteration, loss, parameters, the notebook-style printed log, the
 * banner (divergence, lost connection, refused setting), the play button's label and what a screen reader is
 * told (announce.js). Missing elements (the embed has fewer) are skipped.
 */
import { formatNumber, formatParams } from './format.js';
import { Announcer } from './announce.js';
import { t } from './i18n.js';

/** The notebooks print the loss every 10 iterations; short runs (fastbook's 10 steps) print every one. */
export function logsIteration(iter, steps) {
  return steps <= 20 || iter % 10 === 0 || iter === steps;
}

/** What the status line calls each of the socket's states (socket.js). */
const STATUS_WORDS = {
  connecting: 'web.status.connecting', reconnecting: 'web.status.reconnecting', open: 'web.status.open',
  lost: 'web.status.lost', closed: 'web.status.closed',
};

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
      el.log.textContent = `${t('web.readout.logHeader')}\n`;
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
        ? t('web.readout.paramsStandardised', {
          scaled: formatParams(run.parameterNames, run.params), v, original: formatParams(run.parameterNames, run.originalParams),
        })
        : formatParams(run.parameterNames, run.params);
    }
    if (el.log && run.params && logsIteration(run.iter, run.steps)) {
      el.log.textContent += `${String(run.iter).padStart(4)}  ${formatNumber(run.loss)}\n`;
      el.log.scrollTop = el.log.scrollHeight;
      // a region that scrolls must be reachable by keyboard to be read (WCAG 2.1.1)
      if (el.log.scrollHeight > el.log.clientHeight) el.log.tabIndex = 0;
    }
    if (run.params && !run.outcome) {
      const sentence = t('web.readout.progress', { iter: run.iter, steps: run.steps, loss: formatNumber(run.loss) });
      if (this.playing) this.announcer.progress(sentence);
      else if (run.iter > 0) this.announcer.say(sentence); // a step someone asked for
    }
  }

  showOutcome(run) {
    if (run.outcome === 'diverged') {
      // the socket's own message is English for scripts; the page says the same in its language
      this.showBanner('outcome', 'danger', t('web.readout.divergedTitle', { iter: run.divergedAt }),
        t('web.readout.divergedDetail', { iter: run.divergedAt }));
      if (this.el.log) this.el.log.textContent += `${String(run.divergedAt).padStart(4)}  ${t('web.readout.logDiverged')}\n`;
    }
    const diverged = run.outcome === 'diverged';
    const numbers = { iter: run.divergedAt, loss: formatNumber(run.loss), optimum: formatNumber(run.data.optimum.loss) };
    if (this.el.outcome) {
      this.el.outcome.textContent = t(diverged ? 'web.readout.outcomeDiverged' : 'web.readout.outcomeDone', numbers);
      this.el.outcome.dataset.outcome = run.outcome;
    }
    this.announcer.say(t(diverged ? 'web.readout.announceDiverged' : 'web.readout.announceDone', numbers));
    this.showRunning(false, run.outcome);
  }

  showRunning(running, outcome) {
    const { play, step } = this.el;
    if (running && !this.playing) this.announcer.started();
    this.playing = running;
    if (this.el.outcome && !outcome) {
      this.el.outcome.textContent = t(running ? 'web.readout.training' : 'web.readout.paused');
      delete this.el.outcome.dataset.outcome;
    }
    if (play) {
      play.textContent = t(running ? 'web.play.pause' : outcome ? 'web.play.replay' : 'web.play.play');
      play.setAttribute('aria-pressed', String(running));
    }
    if (step) step.disabled = Boolean(outcome);
  }

  showStatus({ state, retryInMs }) {
    const { status } = this.el;
    if (state === 'lost') {
      this.showBanner('connection', 'warn', t('web.readout.lostTitle'),
        t('web.readout.lostDetail', { seconds: Math.round(retryInMs / 100) / 10 }));
    } else if (state === 'open') {
      this.hideBanner('connection');
    }
    if (status) status.textContent = STATUS_WORDS[state] ? t(STATUS_WORDS[state]) : '';
    if (status) status.dataset.state = state;
  }

  /** A refusal from the server: its `error` text stays English (scripts match on it), inside the page's sentence. */
  showError(message) {
    this.showBanner('error', 'warn', t('web.readout.refusedTitle'), message ? t('web.readout.refusedDetail', { error: message }) : null);
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
