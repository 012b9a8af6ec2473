/**
 * The one data→pixel mapping every chart uses: a scale maps a data interval onto a pixel interval (toPixel to
 * draw, toData to read a click back) and picks round ticks for it; a viewport is a box on a canvas with a scale
 * across it and one up it. Pure numbers: no canvas.
 */

/**
 * Linear: v ↦ r0 + (v − d0)/(d1 − d0)·(r1 − r0), and back. The range may run backwards (y up a canvas runs from
 * the box's bottom to its top).
 */
export function linearScale([d0, d1], [r0, r1]) {
  return {
    toPixel: v => clampPixel(r0 + (v - d0) / (d1 - d0) * (r1 - r0)),
    toData: px => d0 + (px - r0) / (r1 - r0) * (d1 - d0),
    /** Pixels per unit of data, negative when the range runs backwards: how a direction in data looks on screen. */
    perUnit: (r1 - r0) / (d1 - d0),
    /** Round ticks across the domain, one per `pixelsApart` of the range but never fewer than `least`. */
    ticks: (pixelsApart, least) => niceTicks(d0, d1, tickCount(r0, r1, pixelsApart, least)),
  };
}

/** Logarithmic (domain positive): linear in log10 v; values below d0 sit at d0, so a zero still has a place. */
export function logScale([d0, d1], [r0, r1]) {
  const inPowers = linearScale([Math.log10(d0), Math.log10(d1)], [r0, r1]);
  return {
    toPixel: v => inPowers.toPixel(Math.log10(Math.max(v, d0))),
    toData: px => Math.pow(10, inPowers.toData(px)),
    /** Powers of ten across the domain, one per `pixelsApart` of the range but never fewer than `least`. */
    ticks: (pixelsApart, least) => logTicks(d0, d1, tickCount(r0, r1, pixelsApart, least)),
  };
}

/**
 * A box on the canvas ({left, top, right, bottom}, CSS pixels) showing `xDomain` across, left to right, and
 * `yDomain` up, bottom to top; `yScale` makes the vertical one (linear unless told, as the loss chart's is log).
 */
export function viewport(box, xDomain, yDomain, yScale = linearScale) {
  const x = linearScale(xDomain, [box.left, box.right]);
  const y = yScale(yDomain, [box.bottom, box.top]);
  return {
    box, x, y, domains: { x: [...xDomain], y: [...yDomain] },
    /** The data under the canvas pixel (px, py), or null outside the box. */
    dataAt(px, py) {
      if (px < box.left || px > box.right || py < box.top || py > box.bottom) return null;
      return [x.toData(px), y.toData(py)];
    },
  };
}

/** Round tick values (1, 2 or 5 × 10^k apart) covering `[lo, hi]`, about `target` of them. */
export function niceTicks(lo, hi, target = 6) {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / target;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** Powers of ten within `[lo, hi]` (positive), thinned to at most `most`. */
export function logTicks(lo, hi, most = 6) {
  const a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
  const every = Math.max(1, Math.ceil((b - a + 1) / most));
  const ticks = [];
  for (let k = a; k <= b; k += every) {
    const v = Math.pow(10, k);
    if (v >= lo && v <= hi) ticks.push(v);
  }
  return ticks;
}

/** Keeps a pixel coordinate where canvas paths behave; anything this far out is off screen anyway. */
export function clampPixel(v) {
  if (Number.isNaN(v)) return 0;
  return Math.max(-1e6, Math.min(1e6, v));
}

function tickCount(r0, r1, pixelsApart, least) {
  return Math.max(least, Math.floor(Math.abs(r1 - r0) / pixelsApart));
}
