/**
 * A recorded run played back with no server (GET /export/replay.html): the live page's Run, Plot and LossChart,
 * fed from the socket messages the server wrote into the file instead of from a socket (a race's too: every lane).
 * Plays, pauses, steps and scrubs, and exposes `window.sgdPlayground` (play, pause, step, reset, state) as the page does (SPEC §5, §7).
 */
import { Run } from './run.js';
import { takeData, takeFrame, takeOutcome, laneStandings } from './race.js';
import { Plot } from './plot.js';
import { LossChart } from './losschart.js';
import { scenes } from './scene.js';
import { plotColors } from './theme.js';
import { formatNumber, formatParams } from './format.js';
import { installKeys } from './wiring.js';
import { t } from './i18n.js';

/** Plays `recording` ({data, frames, outcome}: the socket's messages) onto the page's canvases and readout. */
class Replay {
  #shown = -1; // index of the frame on screen
  #timer = null;
  #running = false;

  constructor(recording, elements) {
    this.recording = recording;
    this.el = elements;
    this.run = new Run();
    this.plot = new Plot(elements.plot);
    this.lossChart = new LossChart(elements.chart);
    const { frames } = recording;
    // a thinned long run keeps every k-th frame: each kept frame then stands for k updates
    this.updatesPerFrame = frames.length > 1 ? (frames[frames.length - 1].iter - frames[0].iter) / (frames.length - 1) : 1;
    elements.scrub.max = String(Math.max(0, frames.length - 1));
    elements.scrub.addEventListener('input', () => { this.pause(); this.show(Number(elements.scrub.value)); });
    elements.play.addEventListener('click', () => this.toggle());
    elements.step.addEventListener('click', () => this.step());
    elements.reset.addEventListener('click', () => this.reset());
    if ('ResizeObserver' in window) new ResizeObserver(() => this.render()).observe(elements.plot);
    this.show(0);
  }

  get running() {
    return this.#running;
  }

  get last() {
    return this.recording.frames.length - 1;
  }

  /** Puts frame `index` on screen, replaying the frames before it as the live page received them. */
  show(index) {
    const { data, frames, outcome } = this.recording;
    const target = Math.max(-1, Math.min(index, this.last));
    if (target < this.#shown || this.#shown < 0) {
      takeData(this.run, data, false);
      this.#shown = -1;
    }
    for (let i = this.#shown + 1; i <= target; i++) takeFrame(this.run, frames[i]);
    this.#shown = target;
    if (target === this.last && outcome) takeOutcome(this.run, outcome);
    else this.run.outcome = this.run.message = this.run.divergedAt = null;
    if (this.run.outcome) this.pause();
    this.render();
  }

  play() {
    if (this.#shown >= this.last) this.show(0);
    if (this.#running) return;
    this.#running = true;
    const rate = Number(this.recording.data.speed) / this.updatesPerFrame; // kept frames a second
    const from = this.#shown, start = performance.now();
    const tick = () => {
      if (!this.#running) return;
      const due = from + Math.floor((performance.now() - start) / 1000 * rate);
      if (due > this.#shown) this.show(due);
      if (this.#running) this.#timer = requestAnimationFrame(tick);
    };
    this.#timer = requestAnimationFrame(tick);
    this.renderControls();
  }

  pause() {
    this.#running = false;
    if (this.#timer !== null) cancelAnimationFrame(this.#timer);
    this.#timer = null;
    this.renderControls();
  }

  toggle() {
    if (this.#running) this.pause(); else this.play();
  }

  step() {
    this.pause();
    if (this.#shown < this.last) this.show(this.#shown + 1);
  }

  reset() {
    this.pause();
    this.show(0);
  }

  /** What the live page's `state()` gives, for the frame on screen. */
  state() {
    const r = this.run;
    return {
      iter: r.iter, loss: r.loss, params: r.params ? [...r.params] : null, grad: r.grad ? [...r.grad] : null,
      steps: r.steps, running: this.#running, outcome: r.outcome, divergedAt: r.divergedAt, message: r.message,
      query: this.recording.data.query, connected: false, replay: true,
      lanes: laneStandings(r),
    };
  }

  render() {
    const colors = plotColors();
    const { plot, loss } = scenes(this.run, colors);
    this.plot.render(plot);
    this.lossChart.render(loss);
    const { el, run } = this;
    el.iter.textContent = String(run.iter);
    el.loss.textContent = formatNumber(run.loss);
    el.params.textContent = formatParams(run.parameterNames, run.originalParams);
    el.outcome.textContent = run.outcome === 'diverged' ? t('web.readout.outcomeDiverged', { iter: run.divergedAt })
      : t(run.outcome === 'done' ? 'web.replay.done' : this.#running ? 'web.replay.playing' : 'web.readout.paused');
    el.outcome.dataset.outcome = run.outcome ?? '';
    el.scrub.value = String(Math.max(0, this.#shown));
    el.scrub.setAttribute('aria-valuetext', t('web.replay.iteration', { iter: run.iter }));
    this.renderControls();
  }

  renderControls() {
    this.el.play.textContent = t(this.#running ? 'web.play.pause' : 'web.play.play');
    this.el.play.setAttribute('aria-pressed', String(this.#running));
  }
}

const byId = id => document.getElementById(id);
const replay = new Replay(JSON.parse(byId('recording').textContent), {
  plot: byId('plot'), chart: byId('loss-chart'), scrub: byId('scrub'), play: byId('play'), step: byId('step'),
  reset: byId('reset'), iter: byId('iter'), loss: byId('loss'), params: byId('params'), outcome: byId('outcome'),
});
installKeys(replay);
window.sgdPlayground = Object.freeze({
  play: () => replay.play(),
  pause: () => replay.pause(),
  step: () => replay.step(),
  reset: () => replay.reset(),
  state: () => replay.state(),
});
