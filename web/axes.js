/** Canvas chores the plot and the loss chart share: a sharp (devicePixelRatio) canvas, ticks, a framed box. */

/** Sizes the canvas backing store to its CSS box × devicePixelRatio; returns a context drawing in CSS pixels. */
export function sharpContext(canvas) {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth), height = Math.max(1, canvas.clientHeight);
  const w = Math.round(width * dpr), h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, width, height };
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

/**
 * Grid, tick labels and axis titles around `box` ({left, top, right, bottom}).
 * `toX`/`toY` map data to pixels; `format` writes a tick value.
 */
export function drawAxes(ctx, box, { xTicks, yTicks, toX, toY, format, colors, xLabel, yLabel }) {
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xTicks) {
    const x = Math.round(toX(t)) + 0.5;
    if (x < box.left - 1 || x > box.right + 1) continue;
    line(ctx, x, box.top, x, box.bottom);
    ctx.fillText(format(t), x, box.bottom + 5);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks) {
    const y = Math.round(toY(t)) + 0.5;
    if (y < box.top - 1 || y > box.bottom + 1) continue;
    line(ctx, box.left, y, box.right, y);
    ctx.fillText(format(t), box.left - 6, y);
  }
  ctx.strokeStyle = colors.axis;
  ctx.strokeRect(box.left + 0.5, box.top + 0.5, box.right - box.left, box.bottom - box.top);
  ctx.fillStyle = colors.text;
  ctx.font = '12px system-ui, sans-serif';
  if (xLabel) {
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(xLabel, box.right, box.bottom + 34);
  }
  if (yLabel) {
    ctx.translate(12, box.top);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(yLabel, 0, 0);
  }
  ctx.restore();
}

/** Restricts drawing to `box`. Call inside save()/restore(). */
export function clipTo(ctx, box) {
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
  ctx.clip();
}

function line(ctx, x0, y0, x1, y1) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
