/**
 * The numbers behind the picture: a model's curve from its parameters, and axis ranges fixed once per run so
 * the motion reads. Every model so far is a polynomial with p0 on the highest power
 * (linear p0·x + p1, quadratic p0·x² + p1·x + p2), so one Horner loop evaluates both.
 */

/** y = p0·x^(k−1) + … + p(k−1), by Horner's rule. */
export function polynomial(params, x) {
  let y = 0;
  for (const p of params) y = y * x + p;
  return y;
}

/** `count` points of the curve across `[x0, x1]`. */
export function sampleCurve(params, [x0, x1], count = 240) {
  const x = new Array(count), y = new Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = x0 + (x1 - x0) * i / (count - 1);
    y[i] = polynomial(params, x[i]);
  }
  return { x, y };
}

/** The model's prediction at each of `xs`. */
export function predictionsAt(params, xs) {
  return { x: xs, y: xs.map(x => polynomial(params, x)) };
}

/** `[min, max]` of finite values, or null when there are none. */
export function extent(values) {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** `[lo, hi]` widened by `fraction` of its span on each side (a flat range gets a unit of room). */
export function withMargin([lo, hi], fraction) {
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * fraction, hi + span * fraction];
}

/**
 * The axes for a run: x over the data; y over the data and the starting guess's predictions (so fastbook's
 * first wild quadratics are on screen, like its ylim(−300, 100)), but never more than a few data spans beyond
 * the data, so a huge start cannot squash the points into a line.
 */
export function plotRanges(points, firstParams) {
  const xr = extent(points.x) ?? [-1, 1];
  const yr = extent(points.y) ?? [-1, 1];
  const span = (yr[1] - yr[0]) || 1;
  let [lo, hi] = yr;
  if (firstParams) {
    const guess = extent(predictionsAt(firstParams, points.x).y);
    if (guess) {
      lo = Math.max(Math.min(lo, guess[0]), yr[0] - 4 * span);
      hi = Math.min(Math.max(hi, guess[1]), yr[1] + 4 * span);
    }
  }
  return { x: withMargin(xr, 0.04), y: withMargin([lo, hi], 0.08) };
}

/**
 * A polynomial's coefficients in x from its coefficients in x' = (x − mean)/scale (highest power first), by the
 * binomial theorem, as analysis.Standardisation.toOriginal does on the server. Without a scaling, the same.
 */
export function toOriginal(params, scaling) {
  if (!scaling || !params) return params;
  const { mean, scale } = scaling, d = params.length - 1;
  const byPower = new Array(d + 1).fill(0); // byPower[q] multiplies x^q
  params.forEach((p, j) => {
    const k = d - j, c = p / Math.pow(scale, k);
    for (let q = 0; q <= k; q++) byPower[q] += c * binomial(k, q) * Math.pow(-mean, k - q);
  });
  return byPower.reverse();
}

function binomial(k, q) {
  let b = 1;
  for (let i = 1; i <= q; i++) b = b * (k - q + i) / i;
  return b;
}
