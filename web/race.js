/**
 * A race on screen (SPEC §8): each lane's run, kept from the socket's race messages, and what it adds to the
 * plot, the loss chart and the landscape: one curve, one loss line and one path per lane, each in its own colour.
 * Pure data and scenes, no DOM: leaderboard.js shows the standings.
 */
import { Run } from './run.js';
import { sampleCurve, toOriginal } from './curves.js';

/** Lane colours, told apart on either theme and on the landscape's viridis. */
export const LANE_COLOURS = ['#3fa7ff', '#ff4d6d', '#3ddc84', '#c77dff', '#ffd23f', '#ff8c1a'];

/** {@code L(p) = L* + (p − p*)ᵀG(p − p*)}: the loss over all points, exact, whatever the step's batch. */
export function fullLoss(surface, params) {
  const k = params.length, d = params.map((v, i) => v - surface.optimum[i]);
  let quad = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) quad += d[i] * surface.gram[i * k + j] * d[j];
  return surface.optimumLoss + quad;
}

export class Race {
  /** @param data the `data` message, whose `lanes` name the lanes */
  constructor(data) {
    this.labels = data.lanes;
    this.runs = this.labels.map(() => {
      const run = new Run();
      run.applyData(data, false);
      return run;
    });
    this.reachedAt = this.labels.map(() => null); // the first iteration within 1% of L*, over all points
  }

  /** A race's `frame` message; returns the frame the page's own readout follows (the first lane still going). */
  applyFrame(message) {
    let lead = null;
    message.lanes.forEach((entry, k) => {
      if (!entry) return;
      const run = this.runs[k];
      if (entry.type) {
        run.applyOutcome(entry);
        return;
      }
      run.applyFrame(entry);
      if (this.reachedAt[k] != null && entry.iter <= this.reachedAt[k]) this.reachedAt[k] = null; // a rewind (reset)
      const surface = run.data.surface;
      if (this.reachedAt[k] == null && surface && fullLoss(surface, entry.params) <= 1.01 * surface.optimumLoss) {
        this.reachedAt[k] = entry.iter;
      }
      lead ??= entry;
    });
    return lead;
  }

  /** The race's last message: every lane's outcome. */
  applyOutcome(message) {
    (message.lanes ?? []).forEach((o, k) => { if (!this.runs[k].outcome) this.runs[k].applyOutcome(o); });
  }

  /** Each lane's standing: {lane, color, iter, loss, outcome, reachedAt, divergedAt}. */
  standings() {
    return this.runs.map((run, k) => ({
      lane: this.labels[k],
      color: LANE_COLOURS[k % LANE_COLOURS.length],
      iter: run.iter,
      loss: run.loss,
      fullLoss: run.params && run.data.surface ? fullLoss(run.data.surface, run.params) : null,
      outcome: run.outcome,
      reachedAt: this.reachedAt[k],
      divergedAt: run.divergedAt,
    }));
  }

  /** The plot: every lane's curve in its colour instead of the one curve, and a legend of lanes. */
  decoratePlot(scene, data) {
    const inX = params => toOriginal(params, data.standardisation);
    scene.curve = null;
    scene.trail = [];
    scene.predictions = null;
    scene.laneCurves = this.runs.flatMap((run, k) => run.params
      ? [{ points: sampleCurve(inX(run.params), scene.xRange), color: LANE_COLOURS[k], dash: run.outcome === 'diverged' ? [3, 4] : [] }]
      : []);
    scene.legend = [scene.legend[0], ...this.labels.map((label, k) => ({ label, kind: 'line', color: LANE_COLOURS[k] })),
      scene.legend.find(l => l.kind === 'dashed')].filter(Boolean);
  }

  /** The loss chart: one line per lane. */
  decorateLoss(scene) {
    scene.history = [];
    scene.lanes = this.runs.map((run, k) => ({ history: run.history, color: LANE_COLOURS[k], diverged: run.outcome === 'diverged' }));
  }

  /** The landscape: one path per lane, each ending at a dot; no single path or arrows. */
  decorateLandscape(scene, pair) {
    const [i, j] = pair;
    scene.path = [];
    scene.current = null;
    scene.lanePaths = this.runs.map((run, k) => ({ points: run.path.map(f => [f.params[i], f.params[j]]), color: LANE_COLOURS[k] }));
  }
}

/**
 * The messages of a run that may be a race, onto `run`, as the live page and the offline replay both take them:
 * a `data` message makes the race when it has lanes (SPEC §8: every lane's frames come in one message).
 */
export function takeData(run, message, sameRun) {
  run.applyData(message, sameRun);
  run.race = message.lanes ? new Race(message) : null;
}

/** A `frame` message: a race's completes its round of lanes before the run shows it. */
export function takeFrame(run, message) {
  const frame = run.race ? run.race.applyFrame(message) : message;
  if (frame) run.applyFrame(frame);
}

/** A `done` or `diverged` message. */
export function takeOutcome(run, message) {
  run.race?.applyOutcome(message);
  run.applyOutcome(message);
}

/** Each lane's standing for a script's `state()` (SPEC §8), or null for a single run. */
export function laneStandings(run) {
  return run.race ? run.race.standings().map(({ color, ...s }) => s) : null;
}
