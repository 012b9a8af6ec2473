/**
 * The main picture: the points and the model's curve on a canvas, like the notebooks' matplotlib animation.
 * Takes only numbers and colours; knows nothing of sockets or models.
 */
import { sharpContext, drawAxes, clipTo, dots } from './axes.js';
import { viewport } from './scale.js';
import { formatNumber } from './format.js';
import { ScatterLayer } from './scatter.js';

const MARGIN = { left: 54, right: 14, top: 10, bottom: 40 };
const LEGEND_ROW = 18;
const LEGEND_INSET = 12;

export class Plot {
  constructor(canvas) {
    this.canvas = canvas;
    this.scatter = new ScatterLayer(); // the points, cached while they and the view stay
  }

  /**
   * Draws one frame.
   * @param scene {{xRange:number[], yRange:number[], points:{x:number[],y:number[]},
   *   curve?:{x:number[],y:number[]}, trail?:{x:number[],y:number[]}[], predictions?:{x:number[],y:number[]}, reference?:{x:number[],y:number[]},
   *   colors:object, xLabel:string, yLabel:string, legend:{label:string, kind:string, color:string}[]}}
   */
  render(scene) {
    const { ctx, width, height } = sharpContext(this.canvas);
    const { colors } = scene;
    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, width, height);
    const rows = legendRows(ctx, scene.legend ?? [], width - 2 * LEGEND_INSET);
    const box = { left: MARGIN.left, top: MARGIN.top + rows.length * LEGEND_ROW + 4, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
    if (box.right - box.left < 20 || box.bottom - box.top < 20) return;
    const view = viewport(box, scene.xRange, scene.yRange);
    this.view = view; // the last mapping drawn: what a click or a drag on the plot is read back through

    drawAxes(ctx, view, {
      xTicks: view.x.ticks(70, 3), yTicks: view.y.ticks(45, 3),
      format: formatNumber, colors, xLabel: scene.xLabel, yLabel: scene.yLabel,
    });

    ctx.save();
    clipTo(ctx, box);
    (scene.trail ?? []).forEach((curve, i, all) => {
      ctx.globalAlpha = 0.12 + 0.28 * (i + 1) / all.length;
      polyline(ctx, curve, view, colors.trail ?? colors.curve, 1.2, []);
    });
    ctx.globalAlpha = 1;
    if (scene.reference) polyline(ctx, scene.reference, view, colors.reference, 1.5, [6, 5]);
    this.scatter.draw(ctx, scene.points, view, colors.points, this.canvas.width / width);
    if (scene.curve) polyline(ctx, scene.curve, view, colors.curve, 2.5, []);
    for (const lane of scene.laneCurves ?? []) polyline(ctx, lane.points, view, lane.color, 2.5, lane.dash); // a race (race.js)
    if (scene.predictions) dots(ctx, scene.predictions, view, colors.predictions, 3.6);
    if (scene.batch) rings(ctx, scene.batch, view, colors.text, 6);
    ctx.restore();

    legend(ctx, box, rows, colors);
  }
}

function polyline(ctx, { x, y }, view, color, width, dash) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(dash);
  ctx.beginPath();
  let started = false;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i])) { started = false; continue; }
    const px = view.x.toPixel(x[i]), py = view.y.toPixel(y[i]);
    if (started) ctx.lineTo(px, py); else ctx.moveTo(px, py);
    started = true;
  }
  ctx.stroke();
  ctx.restore();
}

/** Circles around points: the minibatch the current step sees. */
function rings(ctx, { x, y }, view, color, radius) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.6;
  for (let i = 0; i < x.length; i++) {
    ctx.beginPath();
    ctx.arc(view.x.toPixel(x[i]), view.y.toPixel(y[i]), radius, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}

/** Lays the legend's items out left to right above the plot, wrapping to as many rows as the width needs. */
function legendRows(ctx, items, width) {
  ctx.save();
  ctx.font = LEGEND_FONT;
  const rows = [];
  let row = [], used = 0;
  for (const item of items) {
    const w = 30 + ctx.measureText(item.label).width + 18;
    if (row.length && used + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ ...item, offset: used });
    used += w;
  }
  if (row.length) rows.push(row);
  ctx.restore();
  return rows;
}

const LEGEND_FONT = '12px system-ui, sans-serif';

function legend(ctx, box, rows, colors) {
  ctx.save();
  ctx.font = LEGEND_FONT;
  ctx.textBaseline = 'middle';
  rows.forEach((row, r) => {
    const cy = MARGIN.top + r * LEGEND_ROW + LEGEND_ROW / 2;
    for (const item of row) {
      const left = LEGEND_INSET + item.offset;
      ctx.strokeStyle = ctx.fillStyle = item.color;
      if (item.kind === 'ring') {
        ctx.lineWidth = 1.6;
        ctx.beginPath();
        ctx.arc(left + 12, cy, 5, 0, 2 * Math.PI);
        ctx.stroke();
      } else if (item.kind === 'dot') {
        ctx.beginPath();
        ctx.arc(left + 12, cy, 3.5, 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.lineWidth = item.kind === 'line' ? 2.5 : 1.5;
        ctx.globalAlpha = item.kind === 'faint' ? 0.45 : 1;
        ctx.setLineDash(item.kind === 'dashed' ? [5, 4] : []);
        ctx.beginPath();
        ctx.moveTo(left + 2, cy);
        ctx.lineTo(left + 22, cy);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
      }
      ctx.fillStyle = colors.text;
      ctx.fillText(item.label, left + 30, cy);
    }
  });
  ctx.restore();
}
