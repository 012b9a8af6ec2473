/**
 * fastbook's strip: a row of small multiples, each the points and the model's predictions at one chosen
 * iteration (the book's `for ax in axs: show_preds(apply_step(params, False), ax)`), filled in as the run gets
 * there. Takes only numbers.
 */
import { sharpContext, clipTo, dots } from './axes.js';
import { viewport } from './scale.js';
import { formatNumber } from './format.js';
import { predictionsAt, toOriginal } from './curves.js';
import { t } from './i18n.js';

export class Strip {
  constructor(canvases) {
    this.canvases = canvases;
  }

  /**
   * @param panels {{iter:number, loss:number|null, predictions:{x:number[],y:number[]}|null}[]}
   * @param frame {{points:{x:number[],y:number[]}, xRange:number[], yRange:number[], colors:object}}
   */
  render(panels, { points, xRange, yRange, colors }) {
    this.canvases.forEach((canvas, k) => {
      const panel = panels[k];
      const { ctx, width, height } = sharpContext(canvas);
      ctx.fillStyle = colors.background;
      ctx.fillRect(0, 0, width, height);
      const box = { left: 6, top: 20, right: width - 6, bottom: height - 6 };
      if (box.right - box.left < 10 || box.bottom - box.top < 10) return;
      const view = viewport(box, xRange, yRange);
      ctx.strokeStyle = colors.axis;
      ctx.lineWidth = 1;
      ctx.strokeRect(box.left + 0.5, box.top + 0.5, box.right - box.left, box.bottom - box.top);
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = colors.text;
      ctx.textBaseline = 'top';
      const title = !panel ? '' : panel.loss != null ? t('web.strip.step', { iter: panel.iter, loss: formatNumber(panel.loss) })
        : t('web.strip.stepNotYet', { iter: panel.iter });
      ctx.fillText(title, 6, 4);
      ctx.save();
      clipTo(ctx, box);
      dots(ctx, points, view, colors.fastbookPoints, 2.2);
      if (panel?.predictions) dots(ctx, panel.predictions, view, colors.fastbookPredictions, 2.4);
      ctx.restore();
    });
  }
}

/** The strip on the page: shown for the roller coaster, with the iterations the person picks (default 1–4). */
export class StripView {
  constructor(doc, onRedraw) {
    this.panel = doc.getElementById('strip-panel');
    this.input = doc.getElementById('strip-iters');
    const canvases = this.panel ? [...this.panel.querySelectorAll('canvas')] : [];
    this.strip = new Strip(canvases);
    this.input?.addEventListener('change', onRedraw);
    if ('ResizeObserver' in window) canvases.forEach(c => new ResizeObserver(onRedraw).observe(c));
  }

  /** The chosen iterations: whole numbers from the field, as many as there are panels; the book's 1–4 by default. */
  iterations() {
    const chosen = String(this.input?.value ?? '').split(',').map(t => Number(t.trim()))
      .filter(n => Number.isInteger(n) && n >= 0);
    const out = chosen.slice(0, this.strip.canvases.length);
    for (let k = out.length; k < this.strip.canvases.length; k++) out.push(k + 1);
    return out;
  }

  render(run, colors) {
    if (!this.panel) return;
    const show = run.look === 'fastbook';
    this.panel.classList.toggle('hidden', !show);
    if (!show || !run.ranges) return;
    const byIter = new Map(run.path.map(f => [f.iter, f]));
    const panels = this.iterations().map(iter => {
      const frame = byIter.get(iter);
      const loss = run.history.find(h => h[0] === iter)?.[1] ?? null;
      return { iter, loss, predictions: frame ? predictionsAt(toOriginal(frame.params, run.data.standardisation), run.data.points.x) : null };
    });
    this.shown = panels.map(p => ({ iter: p.iter, drawn: p.predictions !== null }));
    this.strip.render(panels, { points: run.data.points, xRange: run.ranges.x, yRange: run.ranges.y, colors });
  }
}
