/** Canvas chores the charts share: a sharp (devicePixelRatio) canvas, a framed box with grid and labels, a clip, dots. */

/** The canvas's CSS box, and the backing store that box needs at this devicePixelRatio (`w` × `h`). */
export function backingSize(canvas) {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth), height = Math.max(1, canvas.clientHeight);
  return { dpr, width, height, w: Math.round(width * dpr), h: Math.round(height * dpr) };
}

/** Sizes the canvas backing store to its CSS box × devicePixelRatio; returns a context drawing in CSS pixels. */
export function sharpContext(canvas) {
  const { dpr, width, height, w, h } = backingSize(canvas);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, width, height };
}

/**
 * Grid, tick labels and axis titles around a viewport's box (scale.js), the ticks placed by its scales;
 * `format` writes a tick value.
 */
export function drawAxes(ctx, { box, x, y }, { xTicks, yTicks, format, colors, xLabel, yLabel }) {
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xTicks) {
    const px = Math.round(x.toPixel(t)) + 0.5;
    if (px < box.left - 1 || px > box.right + 1) continue;
    line(ctx, px, box.top, px, box.bottom);
    ctx.fillText(format(t), px, box.bottom + 5);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks) {
    const py = Math.round(y.toPixel(t)) + 0.5;
    if (py < box.top - 1 || py > box.bottom + 1) continue;
    line(ctx, box.left, py, box.right, py);
    ctx.fillText(format(t), box.left - 6, py);
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

/** A filled dot at each point (x[i], y[i]) through the viewport; a missing y, or a point far off screen, is skipped. */
export function dots(ctx, { x, y }, view, color, radius) {
  ctx.fillStyle = color;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i])) continue;
    const px = view.x.toPixel(x[i]), py = view.y.toPixel(y[i]);
    if (Math.abs(px) >= 1e6 || Math.abs(py) >= 1e6) continue;
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    ctx.fill();
  }
}

function line(ctx, x0, y0, x1, y1) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
