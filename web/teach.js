/**
 * The teaching views around the plot: the loss landscape (with its pair picker, legend and click-to-start), the
 * stability limit on the learning rate (a mark on the slider, a warning before the run, both shown through the
 * form that owns the field), the condition number's sentence and the note on scaling the points (scalingnote.js).
 * Every number comes from the run's `surface` and points; missing elements are skipped.
 */
import { Landscape } from './landscape.js';
import { landscapeScene } from './landscapescene.js';
import { axisPairs, stabilityVerdict, limitText } from './surface.js';
import { formatNumber, formatSetting } from './format.js';
import { scalingNote } from './scalingnote.js';
import { adaptiveNote, limitFormula } from './optimizers.js';
import { t } from './i18n.js';

export class TeachViews {
  /**
   * @param controls the form (controls.js) that owns the learning rate: read, heard and marked through it
   * @param onPick called with a start (texts, one a parameter) when the landscape is clicked
   * @param onRedraw called when the picture needs drawing again
   */
  constructor(doc, { controls, onPick, onRedraw }) {
    const $ = id => doc.getElementById(id);
    this.el = {
      canvas: $('landscape'), pairs: $('landscape-axes'), legend: $('landscape-legend'), conditioning: $('conditioning'),
      scalingNote: $('scaling-note'),
    };
    this.controls = controls;
    this.landscape = this.el.canvas ? new Landscape(this.el.canvas) : null;
    this.pair = [0, 1];
    this.surface = null;
    this.momentum = 0;
    this.lastScene = null;
    if (this.el.canvas) {
      this.el.canvas.addEventListener('click', event => {
        const at = this.landscape.pointAt(event.clientX, event.clientY);
        if (at && this.lastScene) onPick(this.pickedParams(at));
      });
      if ('ResizeObserver' in window) new ResizeObserver(onRedraw).observe(this.el.canvas);
    }
    this.el.pairs?.addEventListener('change', () => {
      this.pair = this.el.pairs.value.split(',').map(Number);
      onRedraw();
    });
    controls.addEventListener('learningrate', () => this.showLimit());
  }

  /** A new run: its surface, names, momentum and points. */
  showData(run) {
    const { surface, model, experiment, points, standardisation } = run.data;
    if (this.el.scalingNote && points?.x.length) {
      this.el.scalingNote.textContent = scalingNote(points.x, standardisation, model.params, run.look === 'fastbook' ? 't' : 'x');
    }
    this.surface = surface ?? null;
    this.momentum = Number(experiment.momentum) || 0;
    this.settings = experiment;
    const k = model.params.length;
    if (this.el.pairs) {
      const pairs = axisPairs(k);
      const chosen = pairs.find(([i, j]) => i === this.pair[0] && j === this.pair[1]) ?? pairs[0];
      this.pair = chosen;
      this.el.pairs.replaceChildren(...pairs.map(([i, j]) => {
        const o = document.createElement('option');
        o.value = `${i},${j}`;
        o.textContent = t('web.landscape.pair', { across: model.params[i], up: model.params[j] });
        o.selected = i === chosen[0] && j === chosen[1];
        return o;
      }));
      this.el.pairs.closest('label')?.classList.toggle('hidden', pairs.length < 2);
    }
    if (this.el.conditioning && surface) {
      const kappa = surface.conditionNumber;
      this.el.conditioning.textContent = kappa == null
        ? t('web.conditioning.flat')
        : t('web.conditioning.kappa', {
          kappa: formatNumber(kappa), aside: t(kappa > 1000 ? 'web.conditioning.crawl' : 'web.conditioning.roundBowl'),
        }) + (adaptiveNote(experiment) ? ` ${adaptiveNote(experiment)}` : '');
    }
    this.showLimit();
  }

  /** The scene's full parameter vector for a click at `at` on the chosen pair (the others as they are now). */
  pickedParams(at) {
    const p = [...this.lastScene.through];
    p[this.pair[0]] = at[0];
    p[this.pair[1]] = at[1];
    return p.map(v => formatSetting(Number(v.toPrecision(3))));
  }

  /** The mark at the limit on the log slider, and the warning when the lr in the field is past it. */
  showLimit() {
    const { controls, surface, settings } = this;
    const lr = controls.learningRateText();
    const verdict = surface && lr != null ? stabilityVerdict(surface, Number(lr)) : null;
    const hasLimit = surface?.stabilityLimit > 0;
    controls.markLearningRate(hasLimit ? {
      value: surface.stabilityLimit,
      label: limitFormula(settings) ?? '2/λmax',
      title: t('web.limit.title', { limit: limitText(surface, settings) }),
    } : null);
    controls.warnLearningRate(verdict?.diverges
      ? t('web.limit.warning', { lr, limit: limitText(surface, settings) })
      : null);
  }

  render(run, colors) {
    if (!this.landscape || !run.data) return;
    const scene = landscapeScene(run, { ...colors, ...LANDSCAPE_COLOURS }, this.pair);
    if (!scene) return;
    run.race?.decorateLandscape(scene, this.pair);
    this.lastScene = scene;
    this.landscape.render(scene);
    this.showLegend(scene);
  }

  showLegend(scene) {
    const { legend } = this.el;
    if (!legend) return;
    const keys = scene.arrows.map(a => a.key).join(',') + '|' + scene.slice;
    if (legend.dataset.keys === keys) return;
    legend.dataset.keys = keys;
    const item = (cls, text, color) => {
      const s = document.createElement('span');
      s.className = `key ${cls}`;
      if (color) s.style.setProperty('--swatch', color);
      s.textContent = text;
      return s;
    };
    legend.replaceChildren(item('start', t('web.landscape.start')), item('now', t('web.landscape.now')),
      item('best', t('web.landscape.leastSquares')),
      ...scene.arrows.map(a => item('arrow', a.label, a.color)),
      ...(scene.slice ? [item('slice', t('web.landscape.slice', { at: scene.slice }))] : []));
  }

  /** For scripts and tests: the path's length and last point, the optimum, the limit, the pair on show. */
  state(run) {
    const last = run.path[run.path.length - 1];
    return {
      pathLength: run.path.length,
      pathEnd: last ? [...last.params] : null,
      originalParams: run.params ? [...run.originalParams] : null,
      batch: last?.batch ? [...last.batch] : null,
      optimum: this.surface ? [...this.surface.optimum] : null,
      stabilityLimit: this.surface?.stabilityLimit ?? null,
      pair: [...this.pair],
    };
  }
}

/** The landscape's own palette: it sits on viridis in either theme. */
const LANDSCAPE_COLOURS = {
  path: '#ffffff', current: '#ffa500', optimum: '#ff4d4d',
  fullArrow: '#ffffff', batchArrow: '#ff7ab6', velocityArrow: '#7fffd4',
};
