/**
 * Turns a run into what the landscape draws: the window, the loss grid through the current point, the path
 * projected on the chosen pair of parameters, and the arrows that make minibatches and momentum visible.
 */
import { viewWindow, lossGrid, fullGradient } from './surface.js';
import { formatNumber } from './format.js';
import { t } from './i18n.js';

const GRID_COLS = 96, GRID_ROWS = 72;

/**
 * The landscape's scene for parameters `pair` = [i, j], or null before the run has a surface and a frame. Reads
 * the run, writes nothing: the window is derived afresh from the path each time (see widenedFor).
 */
export function landscapeScene(run, colors, pair) {
  const surface = run.data?.surface;
  if (!surface || !run.path.length) return null;
  const [i, j] = pair;
  const start = run.path[0].params;
  const window = widenedFor(viewWindow(start, surface.optimum, pair), run.path, pair);
  const now = run.path[run.path.length - 1];
  const project = p => [p[i], p[j]];
  const others = run.parameterNames.map((name, k) => (k === i || k === j ? null : `${name} = ${formatNumber(now.params[k])}`)).filter(Boolean);
  return {
    slice: others.join(', '),
    through: now.params,
    arrowUnit: project(fullGradient(surface, start)),
    window,
    grid: lossGrid(surface, pair, now.params, window, GRID_COLS, GRID_ROWS),
    names: [run.parameterNames[i] ?? `p${i}`, run.parameterNames[j] ?? `p${j}`],
    path: run.path.map(f => project(f.params)),
    start: project(start),
    current: project(now.params),
    optimum: project(surface.optimum),
    arrows: arrowsAt(run, surface, now).map(a => ({ ...a, vector: project(a.vector), color: colors[a.color] })),
    colors,
  };
}

/**
 * The window grown (with a margin) to hold a path that overshoots it, as a bold lr's first jumps do; never past
 * four times its first size, so a diverging run flies off the map instead of shrinking the valley to a dot.
 * Growing only widens, and a point once refused stays refused, so folding the whole path from the first window
 * gives the same window as folding it frame by frame as it arrived: the window is fixed by the run's path.
 */
function widenedFor(first, path, [i, j]) {
  const grow = ([lo, hi], [firstLo, firstHi], v) => {
    if (!Number.isFinite(v) || (v >= lo && v <= hi)) return [lo, hi];
    const span = firstHi - firstLo, margin = 0.15 * span;
    const next = [Math.min(lo, v - margin), Math.max(hi, v + margin)];
    return next[1] - next[0] > 4 * span ? [lo, hi] : next;
  };
  let x = first.x, y = first.y;
  for (const f of path) {
    x = grow(x, first.x, f.params[i]);
    y = grow(y, first.y, f.params[j]);
  }
  return { x, y };
}

/**
 * Downhill from the current point: −∇L over all the points (always); −(this batch's gradient) when the run uses
 * minibatches; −v, the velocity v_{i+1} = (p_i − p_{i+1})/lr, when it uses momentum. All in gradient units, so
 * their lengths compare.
 */
export function arrowsAt(run, surface, now) {
  const settings = run.data.experiment;
  const out = [{ key: 'full', label: t('web.landscape.arrowAll'), color: 'fullArrow', vector: fullGradient(surface, now.params).map(g => -g) }];
  if (Number(settings.batch) > 0 && now.grad) {
    out.push({ key: 'batch', label: t('web.landscape.arrowBatch'), color: 'batchArrow', vector: now.grad.map(g => -g) });
  }
  const lr = Number(settings.lr), previous = run.path[run.path.length - 2];
  if (Number(settings.momentum) > 0 && previous && lr > 0) {
    out.push({ key: 'velocity', label: t('web.landscape.arrowMomentum'), color: 'velocityArrow', vector: now.params.map((p, k) => (p - previous.params[k]) / lr) });
  }
  return out;
}
