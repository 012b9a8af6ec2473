/** What the browser knows of the run on screen, updated from socket messages. Pure data: no DOM, no socket. */
import { plotRanges, toOriginal } from './curves.js';

/** Curves left behind as a faint trail, like fastbook's row of plots: every step of a short run, else every tenth. */
export function trailKeeps(iter, steps) {
  return steps <= 20 || iter % Math.max(1, Math.round(steps / 10)) === 0;
}

export class Run {
  constructor() {
    this.data = null;
    this.pinnedRanges = null;
    this.clear();
  }

  clear() {
    this.history = [];
    this.trail = [];
    this.path = []; // every frame's {iter, params, grad, batch}: the landscape's path and arrows
    this.iter = 0;
    this.loss = null;
    this.params = null;
    this.grad = null;
    this.outcome = null;
    this.message = null;
    this.divergedAt = null;
    this.ranges = null;
  }

  /**
   * Keeps the axes of the run on screen for the next run when its points still fit them: an edited set redraws in
   * place instead of jumping to new axes with every added point.
   */
  keepRangesIfTheyFit() {
    this.pinnedRanges = this.ranges;
  }

  /** A `data` message: a new run, or (when `sameRun`) the run we had, re-sent after a reconnect. */
  applyData(message, sameRun) {
    this.data = message;
    if (!sameRun) this.clear();
    else this.outcome = this.message = this.divergedAt = null;
  }

  /** A `frame` message. A frame at or before one we hold rewinds the history to it. */
  applyFrame({ iter, loss, params, grad, batch }) {
    while (this.history.length && this.history[this.history.length - 1][0] >= iter) this.history.pop();
    this.history.push([iter, loss]);
    while (this.path.length && this.path[this.path.length - 1].iter >= iter) this.path.pop();
    this.path.push({ iter, params, grad, batch: batch ?? null });
    while (this.trail.length && this.trail[this.trail.length - 1].iter >= iter) this.trail.pop();
    if (trailKeeps(iter, this.steps)) this.trail.push({ iter, params });
    this.iter = iter;
    this.loss = loss;
    this.params = params;
    this.grad = grad;
    if (!this.ranges && this.data) {
      const pinned = this.pinnedRanges;
      this.pinnedRanges = null;
      this.ranges = pinned && fits(this.data.points, pinned) ? pinned : plotRanges(this.data.points, toOriginal(params, this.data.standardisation));
    }
  }

  /** A `done` or `diverged` message. */
  applyOutcome(message) {
    this.outcome = message.type;
    this.message = message.message ?? null;
    this.divergedAt = message.type === 'diverged' ? message.iter : null;
  }

  get steps() {
    return this.data?.steps ?? 0;
  }

  /** The parameters in the points' own units: as trained, or mapped back from x' when the run is standardised. */
  get originalParams() {
    return toOriginal(this.params, this.data?.standardisation);
  }

  get parameterNames() {
    return this.data?.model.params ?? [];
  }

  /** Which fastai picture this run imitates: fastbook's roller coaster, or lesson 2's line. */
  get look() {
    return this.data?.experiment.data === 'coaster' ? 'fastbook' : 'lesson2';
  }
}

/** Whether every point lies inside the ranges. */
function fits(points, ranges) {
  const inside = (v, [lo, hi]) => v >= lo && v <= hi;
  return points.x.every((x, i) => inside(x, ranges.x) && inside(points.y[i], ranges.y));
}
