import { limitFormula } from './optimizers.js';
import { formatNumber } from './format.js';

/**
 * The exact loss surface the server sends with a run (`surface` in the `data` message): every model here is
 * linear in its parameters, so L(p) = L* + (p − p*)ᵀG(p − p*) and ∇L(p) = 2G(p − p*). Pure numbers: no DOM.
 */

/** L(p). */
export function lossAt(surface, p) {
  const { gram: G, optimum: best, optimumLoss } = surface;
  const k = best.length;
  let q = 0;
  for (let r = 0; r < k; r++) {
    let row = 0;
    for (let c = 0; c < k; c++) row += G[r * k + c] * (p[c] - best[c]);
    q += (p[r] - best[r]) * row;
  }
  return optimumLoss + q;
}

/** ∇L(p) = 2G(p − p*): the full-batch gradient, whatever batch the run uses. */
export function fullGradient(surface, p) {
  const { gram: G, optimum: best } = surface;
  const k = best.length;
  const g = new Array(k).fill(0);
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) g[r] += 2 * G[r * k + c] * (p[c] - best[c]);
  return g;
}

/** The pairs of parameters a landscape can show: (0,1) for a line; any two of three for a quadratic. */
export function axisPairs(k) {
  const pairs = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push([i, j]);
  return pairs;
}

/**
 * The view window over parameters i (across) and j (up): the start and the optimum with a margin, so the whole
 * walk between them is on screen. A span of nothing gets room from the values' own size.
 */
export function viewWindow(start, optimum, [i, j], margin = 0.35) {
  const around = (a, b) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const span = Math.max(hi - lo, 0.05 * Math.max(Math.abs(a), Math.abs(b)), 0.5);
    return [lo - margin * span, hi + margin * span];
  };
  return { x: around(start[i], optimum[i]), y: around(start[j], optimum[j]) };
}

/**
 * L over a cols × rows grid of the window, the other parameters held at `through`; row 0 is the top (largest j).
 * Returns the values and their log-excess range for colouring.
 */
export function lossGrid(surface, [i, j], through, window, cols, rows) {
  const values = new Float64Array(cols * rows);
  const p = [...through];
  let lo = Infinity, hi = -Infinity;
  for (let r = 0; r < rows; r++) {
    p[j] = window.y[1] - (window.y[1] - window.y[0]) * r / (rows - 1);
    for (let c = 0; c < cols; c++) {
      p[i] = window.x[0] + (window.x[1] - window.x[0]) * c / (cols - 1);
      const v = logExcess(surface, lossAt(surface, p));
      values[r * cols + c] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return { values, cols, rows, lo: Math.max(lo, hi - COLOUR_DECADES), hi };
}

/** How many powers of ten of L − L* the colours span, down from the window's highest: enough to show the valley's floor. */
const COLOUR_DECADES = 4;

/** log10(L − L*), floored so the optimum itself is finite: the colour scale on which a long valley reads. */
export function logExcess(surface, loss) {
  const floor = 1e-9 * Math.max(1, Math.abs(surface.optimumLoss));
  return Math.log10(Math.max(loss - surface.optimumLoss, floor));
}

/** Viridis, by a few of its stops: dark purple at the bottom of the valley, yellow up the walls. */
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

/** The colour of `t` in [0, 1] as [r, g, b]. */
export function colourAt(t) {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(x)), f = x - k;
  return STOPS[k].map((a, n) => Math.round(a + (STOPS[k + 1][n] - a) * f));
}

/**
 * What the stability limit says about a learning rate: full-batch descent converges below 2(1+μ)/λmax and
 * diverges above it. Null when the surface gives no limit.
 */
export function stabilityVerdict(surface, learningRate) {
  const limit = surface?.stabilityLimit;
  if (!(limit > 0) || !(learningRate > 0)) return null;
  return { limit, diverges: learningRate > limit, ratio: learningRate / limit };
}

/**
 * "2/λmax ≈ 1.01", or "2(1+μ)/λmax ≈ 3.8" with momentum: the one way the limit is written. `settings` is the
 * momentum, or the run's settings by key (optimizers.js writes the formula for dampening, Nesterov, weight decay).
 */
export function limitText(surface, settings) {
  const formula = typeof settings === 'object' && settings ? limitFormula(settings) ?? '2/λmax'
    : settings > 0 ? '2(1+μ)/λmax' : '2/λmax';
  return `${formula} ≈ ${formatNumber(surface.stabilityLimit)}`;
}
