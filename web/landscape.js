/**
 * The loss landscape: a heatmap of log(L − L*) over two parameters with contour lines, the path the run took,
 * its start, where it is now, the optimum, and arrows (batch vs full gradient, velocity). Takes only numbers.
 */
import { sharpContext, drawAxes, clipTo } from './axes.js';
import { viewport, linearScale } from './scale.js';
import { colourAt } from './surface.js';
import { formatNumber } from './format.js';

const MARGIN = { left: 50, right: 12, top: 10, bottom: 36 };
const CONTOURS = 9;
const ARROW_PX = 64;
/** The steps of a path drawn at full strength; before them, a path over three times this is one faint stroke. */
const RECENT_STEPS = 200;
const OLDER_STEPS_ALPHA = 0.4;

export class Landscape {
  constructor(canvas) {
    this.canvas = canvas;
    this.image = document.createElement('canvas');
    this.view = null; // the last drawing's viewport, to read clicks back through
  }

  /**
   * @param scene {{window:{x:number[],y:number[]}, grid:{values:Float64Array, cols:number, rows:number, lo:number, hi:number},
   *   names:string[], path:number[][], start?:number[], current?:number[], optimum:number[],
   *   arrows:{vector:number[], color:string, label:string}[], colors:object}}
   */
  render(scene) {
    const { ctx, width, height } = sharpContext(this.canvas);
    const { colors } = scene;
    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, width, height);
    const box = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
    if (box.right - box.left < 20 || box.bottom - box.top < 20) return;
    const view = viewport(box, scene.window.x, scene.window.y);
    const toX = view.x.toPixel, toY = view.y.toPixel;
    this.view = view;

    this.paintHeat(ctx, box, scene.grid);
    contours(ctx, box, scene.grid);
    drawAxes(ctx, view, {
      xTicks: view.x.ticks(55, 4), yTicks: view.y.ticks(40, 4),
      format: formatNumber, colors, xLabel: scene.names[0], yLabel: scene.names[1],
    });

    ctx.save();
    clipTo(ctx, box);
    const pathOf = points => {
      ctx.beginPath();
      points.forEach(([x, y], k) => (k ? ctx.lineTo(toX(x), toY(y)) : ctx.moveTo(toX(x), toY(y))));
    };
    /** A path in `color` over a dark halo, so it reads on every colour of the heatmap. */
    const haloed = (points, color, width) => {
      pathOf(points);
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)';
      ctx.lineWidth = 3.4;
      ctx.stroke();
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.stroke();
    };
    /**
     * A path: its last RECENT_STEPS steps haloed, what came before as one faint stroke, so a long path that swings
     * back and forth (momentum across a narrow valley) shows as a see-through band over the landscape, not a
     * solid patch hiding it, with where it is going now on top.
     */
    const trail = (points, color, width) => {
      const recent = points.length > 3 * RECENT_STEPS ? points.length - RECENT_STEPS : 0;
      if (recent) {
        ctx.save();
        ctx.globalAlpha = OLDER_STEPS_ALPHA;
        pathOf(points.slice(0, recent + 1));
        ctx.strokeStyle = color;
        ctx.lineWidth = 1;
        ctx.stroke();
        ctx.restore();
      }
      haloed(points.slice(recent), color, width);
    };
    ctx.lineJoin = 'round';
    if (scene.path.length > 1) trail(scene.path, colors.path, 1.6);
    const at = (p, fill, stroke, radius) => {
      ctx.beginPath();
      ctx.arc(toX(p[0]), toY(p[1]), radius, 0, 2 * Math.PI);
      if (fill) { ctx.fillStyle = fill; ctx.fill(); }
      if (stroke) { ctx.strokeStyle = stroke; ctx.lineWidth = 2; ctx.stroke(); }
    };
    for (const lane of scene.lanePaths ?? []) { // a race: one path a lane, each ending at a dot (race.js)
      if (!lane.points.length) continue;
      trail(lane.points, lane.color, 1.8);
      at(lane.points[lane.points.length - 1], lane.color, colors.background, 5);
    }
    if (scene.start) at(scene.start, null, colors.path, 5);
    star(ctx, toX(scene.optimum[0]), toY(scene.optimum[1]), colors.optimum);
    if (scene.current) {
      arrows(ctx, [toX(scene.current[0]), toY(scene.current[1])], scene.arrows, view, scene.arrowUnit);
      at(scene.current, colors.current, colors.background, 5.5);
    }
    ctx.restore();
  }

  /** The parameters under a click, or null outside the map. */
  pointAt(clientX, clientY) {
    if (!this.view) return null;
    const rect = this.canvas.getBoundingClientRect();
    return this.view.dataAt(clientX - rect.left, clientY - rect.top);
  }

  paintHeat(ctx, box, grid) {
    const { values, cols, rows, lo, hi } = grid;
    this.image.width = cols;
    this.image.height = rows;
    const g = this.image.getContext('2d');
    const pixels = g.createImageData(cols, rows);
    const span = hi - lo || 1;
    for (let k = 0; k < values.length; k++) {
      const [r, gr, b] = colourAt((values[k] - lo) / span);
      pixels.data.set([r, gr, b, 255], 4 * k);
    }
    g.putImageData(pixels, 0, 0);
    ctx.save();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.image, box.left, box.top, box.right - box.left, box.bottom - box.top);
    ctx.restore();
  }
}

/** Level lines of the log-excess, evenly spaced, by marching squares over the grid (columns across the box, rows down it). */
function contours(ctx, box, { values, cols, rows, lo, hi }) {
  const across = linearScale([0, cols - 1], [box.left, box.right]), down = linearScale([0, rows - 1], [box.top, box.bottom]);
  ctx.save();
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.28)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let n = 1; n <= CONTOURS; n++) {
    const level = lo + (hi - lo) * n / (CONTOURS + 1);
    for (let r = 0; r < rows - 1; r++) {
      for (let c = 0; c < cols - 1; c++) {
        const v = [values[r * cols + c], values[r * cols + c + 1], values[(r + 1) * cols + c + 1], values[(r + 1) * cols + c]];
        const corners = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
        const cuts = [];
        for (let e = 0; e < 4; e++) {
          const a = v[e], b = v[(e + 1) % 4];
          if ((a < level) === (b < level)) continue;
          const t = (level - a) / (b - a), [ca, ra] = corners[e], [cb, rb] = corners[(e + 1) % 4];
          cuts.push([across.toPixel(ca + t * (cb - ca)), down.toPixel(ra + t * (rb - ra))]);
        }
        for (let m = 0; m + 1 < cuts.length; m += 2) {
          ctx.moveTo(cuts[m][0], cuts[m][1]);
          ctx.lineTo(cuts[m + 1][0], cuts[m + 1][1]);
        }
      }
    }
  }
  ctx.stroke();
  ctx.restore();
}

/**
 * Arrows from `from` (pixels) along each vector (a direction in parameter space), all on one scale: the full
 * gradient at the start (`unit`) is ARROW_PX long, so the arrows shrink as the run nears the bottom and a noisy
 * batch's arrow can outgrow the full one (capped at three times).
 */
function arrows(ctx, from, list, view, unit) {
  const onScreen = v => [v[0] * view.x.perUnit, v[1] * view.y.perUnit];
  const scale = ARROW_PX / Math.hypot(...onScreen(unit));
  if (!Number.isFinite(scale)) return;
  for (const a of list) {
    let [dx, dy] = onScreen(a.vector).map(c => c * scale);
    const length = Math.hypot(dx, dy);
    if (!(length >= 3)) continue;
    if (length > 3 * ARROW_PX) [dx, dy] = [dx / length * 3 * ARROW_PX, dy / length * 3 * ARROW_PX];
    const [x, y] = from, tx = x + dx, ty = y + dy, angle = Math.atan2(dy, dx);
    ctx.strokeStyle = ctx.fillStyle = a.color;
    ctx.lineWidth = 2.2;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(tx, ty);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - 8 * Math.cos(angle - 0.45), ty - 8 * Math.sin(angle - 0.45));
    ctx.lineTo(tx - 8 * Math.cos(angle + 0.45), ty - 8 * Math.sin(angle + 0.45));
    ctx.fill();
  }
}

function star(ctx, x, y, color) {
  ctx.save();
  ctx.fillStyle = color;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 ? 3.6 : 8.5, a = -Math.PI / 2 + k * Math.PI / 5;
    ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}
