/** The loss over iterations on a log scale, with the least-squares floor for scale. Takes only numbers. */
import { sharpContext, drawAxes, clipTo } from './axes.js';
import { viewport, logScale } from './scale.js';
import { formatNumber } from './format.js';
import { t } from './i18n.js';

const MARGIN = { left: 54, right: 12, top: 10, bottom: 30 };

export class LossChart {
  constructor(canvas) {
    this.canvas = canvas;
  }

  /**
   * @param chart {{history: number[][], steps: number, floor: number|null, colors: object, diverged: boolean}}
   *   history holds [iter, loss] pairs; floor is the best loss any parameters could reach.
   */
  render({ history, steps, floor, colors, diverged, lanes = [] }) {
    const { ctx, width, height } = sharpContext(this.canvas);
    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, width, height);
    const box = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
    if (box.right - box.left < 20 || box.bottom - box.top < 20) return;

    const positive = [history, ...lanes.map(l => l.history)].flat().map(h => h[1]).filter(v => Number.isFinite(v) && v > 0);
    if (Number.isFinite(floor) && floor > 0) positive.push(floor);
    let lo = positive.length ? Math.min(...positive) : 0.1;
    let hi = positive.length ? Math.max(...positive) : 10;
    lo = lo / 1.6;
    hi = Math.max(hi * 1.6, lo * 10);
    const view = viewport(box, [0, Math.max(1, steps)], [lo, hi], logScale);
    const toX = view.x.toPixel, toY = view.y.toPixel;

    drawAxes(ctx, view, {
      xTicks: view.x.ticks(70, 2).filter(t => Number.isInteger(t)), yTicks: view.y.ticks(28, 2),
      format: formatNumber, colors, xLabel: t('web.chart.iteration'), yLabel: null,
    });

    ctx.save();
    clipTo(ctx, box);
    if (Number.isFinite(floor) && floor > 0) {
      ctx.strokeStyle = colors.reference;
      ctx.setLineDash([6, 5]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(box.left, toY(floor));
      ctx.lineTo(box.right, toY(floor));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const line = (points, color) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.beginPath();
      points.forEach(([i, v], k) => {
        const y = toY(Number.isFinite(v) && v > 0 ? v : lo);
        if (k === 0) ctx.moveTo(toX(i), y); else ctx.lineTo(toX(i), y);
      });
      ctx.stroke();
      if (points.length) {
        const [i, v] = points[points.length - 1];
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.arc(toX(i), toY(Number.isFinite(v) && v > 0 ? v : lo), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    };
    line(history, diverged ? colors.danger : colors.loss);
    for (const lane of lanes) line(lane.history, lane.color); // a race: one line a lane (race.js)
    ctx.restore();
  }
}
