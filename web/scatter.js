/**
 * The plot's points, drawn so that 100,000 of them read as a picture and not as one opaque band: up to
 * FULL_DOTS_UP_TO points as the notebooks' solid dots; up to DOTS_UP_TO smaller dots whose opacity falls as
 * √(FULL_DOTS_UP_TO/n), so where they pile up shows; past that a 2-D histogram, bins of BIN_PX CSS pixels, each
 * bin's opacity rising with the log of its count, 0 where it has none.
 *
 * Past FULL_DOTS_UP_TO the layer is drawn once into an offscreen canvas and reused while the points (the same
 * object), the view, the canvas size and the colour stay: a frame at 50 fps then costs one drawImage, not 100,000
 * arcs. Takes only numbers and a colour.
 */
import { dots as solidDots } from './axes.js';

export const FULL_DOTS_UP_TO = 1000;
export const DOTS_UP_TO = 5000;
const BIN_PX = 2;
const FULL_RADIUS = 3.2, SMALL_RADIUS = 2;
/** The faintest non-empty bin: a lone point must still be seen. */
const LEAST_OPACITY = 0.2;

export class ScatterLayer {
  #layer = null;
  #drawnFor = null;

  /**
   * Draws `points` onto `ctx` (a sharpContext: CSS pixels, `dpr` device pixels each) through `view`, whose box it
   * is clipped to by the caller.
   */
  draw(ctx, points, view, color, dpr) {
    const n = points.x.length;
    if (n <= FULL_DOTS_UP_TO) {
      dots(ctx, points, view, color, FULL_RADIUS, 1);
      return;
    }
    const { width, height } = ctx.canvas;
    const key = { points, n, width, height, dpr, color, x: view.domains.x.join(), y: view.domains.y.join(), box: JSON.stringify(view.box) };
    if (!this.#layer || !sameKey(key, this.#drawnFor)) {
      this.#layer ??= document.createElement('canvas');
      this.#layer.width = width;
      this.#layer.height = height;
      const layer = this.#layer.getContext('2d');
      layer.setTransform(1, 0, 0, 1, 0, 0);
      layer.clearRect(0, 0, width, height);
      if (n <= DOTS_UP_TO) {
        layer.setTransform(dpr, 0, 0, dpr, 0, 0);
        dots(layer, points, view, color, SMALL_RADIUS, Math.sqrt(FULL_DOTS_UP_TO / n));
      } else {
        histogram(layer, points, view, color, dpr);
      }
      this.#drawnFor = key;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.#layer, 0, 0);
    ctx.restore();
  }
}

function sameKey(a, b) {
  return b !== null && Object.keys(a).every(k => a[k] === b[k]);
}

/** axes.js's dots, at `opacity`. */
function dots(ctx, points, view, color, radius, opacity) {
  ctx.save();
  ctx.globalAlpha = opacity;
  solidDots(ctx, points, view, color, radius);
  ctx.restore();
}

/**
 * Counts the points in bins of BIN_PX CSS pixels over the view's box and paints each bin the points' colour at
 * opacity LEAST + (1 − LEAST)·ln(1 + c)/ln(1 + cmax): the log, because a few bins hold tens of points where most
 * hold one or two, and a linear scale would leave all but the densest nearly invisible.
 */
function histogram(ctx, { x, y }, view, color, dpr) {
  const { box } = view;
  const cols = Math.max(1, Math.ceil((box.right - box.left) / BIN_PX)), rows = Math.max(1, Math.ceil((box.bottom - box.top) / BIN_PX));
  const counts = new Uint32Array(cols * rows);
  let most = 0;
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor((view.x.toPixel(x[i]) - box.left) / BIN_PX), r = Math.floor((view.y.toPixel(y[i]) - box.top) / BIN_PX);
    if (!(c >= 0 && c < cols && r >= 0 && r < rows)) continue; // off the box, or not a number
    const k = r * cols + c;
    most = Math.max(most, ++counts[k]);
  }
  const [red, green, blue] = rgb(color);
  const image = new ImageData(cols, rows);
  const scale = Math.log1p(Math.max(1, most));
  for (let k = 0; k < counts.length; k++) {
    if (!counts[k]) continue;
    const opacity = LEAST_OPACITY + (1 - LEAST_OPACITY) * Math.log1p(counts[k]) / scale;
    image.data.set([red, green, blue, Math.round(255 * Math.min(1, opacity))], 4 * k);
  }
  const bins = document.createElement('canvas');
  bins.width = cols;
  bins.height = rows;
  bins.getContext('2d').putImageData(image, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(bins, box.left, box.top, cols * BIN_PX, rows * BIN_PX);
}

/** A CSS colour as [r, g, b], read back from a pixel painted with it. */
function rgb(color) {
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  probe.canvas.width = probe.canvas.height = 1;
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  return probe.getImageData(0, 0, 1, 1).data.slice(0, 3);
}
