/**
 * The form whose fields are the URL's parameters (SPEC §5). Keeps the learning rate's log slider and its
 * exact entry in step, loads a preset's settings when one is picked, and tells its owner what changed
 * (event `change`, detail `{key}`). Knows nothing of sockets.
 */
import { presetValues, parameterCount, list } from './state.js';
import { formatSetting } from './format.js';
import { limitText } from './surface.js';

const SLIDER_SETTLE_MS = 150;

export class ControlPanel extends EventTarget {
  constructor(form, boot) {
    super();
    this.form = form;
    this.boot = boot;
    this.base = { ...boot.settings };
    this.slider = form.querySelector('#lr-slider');
    this.hint = form.querySelector('#lr-hint');
    this.sliderTimer = null;

    form.addEventListener('submit', event => event.preventDefault());
    form.addEventListener('change', event => this.fieldChanged(event.target));
    const lr = this.field('lr');
    if (lr) lr.addEventListener('input', () => this.syncSlider());
    if (this.slider) {
      this.slider.addEventListener('input', () => {
        lr.value = formatSetting(Number(Math.pow(10, Number(this.slider.value)).toPrecision(2)));
        clearTimeout(this.sliderTimer);
        this.sliderTimer = setTimeout(() => this.announce('lr'), SLIDER_SETTLE_MS);
      });
    }
  }

  field(key) {
    return this.form.elements.namedItem(key);
  }

  /** Every setting: what the server last confirmed, overlaid with the fields as they are now. */
  values() {
    const values = { ...this.base };
    for (const el of this.form.elements) {
      if (el.name) values[el.name] = el.value.trim();
    }
    return values;
  }

  /** Puts `settings` (key → text) into the fields; keys without a field are kept for links. */
  setValues(settings, { confirmed = false } = {}) {
    if (confirmed) this.base = { ...this.base, ...settings };
    for (const [key, value] of Object.entries(settings)) {
      const el = this.field(key);
      if (el && el.value !== value && document.activeElement !== el) el.value = value;
      if (el && confirmed) el.classList.remove('invalid');
    }
    this.syncSlider();
    this.showLesson();
  }

  fieldChanged(target) {
    if (!target.name) return; // the slider speaks through its own timer
    const key = target.name;
    if (key === 'preset') {
      this.setValues(presetValues(this.boot, target.value));
    }
    if (key === 'model') this.fitInitToModel(target.value);
    this.announce(key);
  }

  /** A start with the wrong number of parameters for the new model gives way to the seed's random start. */
  fitInitToModel(modelName) {
    const init = this.field('init');
    if (!init) return;
    const given = list(init.value);
    if (given.length !== 0 && given.length !== parameterCount(this.boot, modelName)) init.value = 'random';
  }

  announce(key) {
    this.clearDivergenceHint();
    this.dispatchEvent(new CustomEvent('change', { detail: { key } }));
  }

  syncSlider() {
    const lr = this.field('lr');
    if (!this.slider || !lr) return;
    const v = Number(lr.value);
    if (Number.isFinite(v) && v > 0) {
      this.slider.value = String(Math.min(Number(this.slider.max), Math.max(Number(this.slider.min), Math.log10(v))));
    }
  }

  showLesson() {
    const picker = this.field('preset');
    const lesson = document.getElementById('lesson');
    const source = document.getElementById('lesson-source');
    const preset = this.boot.presets.find(p => p.name === picker?.value);
    if (!preset) return;
    if (lesson) lesson.textContent = preset.lesson;
    if (source) source.textContent = preset.source;
  }

  /** Outlines the field the server refused. */
  markInvalid(key) {
    const el = this.field(key);
    if (el) el.classList.add('invalid');
  }

  /**
   * After a divergence: say so beside the learning rate, give the stability limit 2(1+μ)/λmax of the run's
   * surface (when known), and offer a rate safely below it (else a tenth of this one).
   */
  showDivergenceHint(surface, momentum, onTry) {
    const lr = this.field('lr');
    if (!lr || !this.hint) return;
    const stableBelow = surface?.stabilityLimit > 0 ? surface.stabilityLimit : null;
    const suggestion = stableBelow ? stableBelow / 2 : Number(lr.value) / 10;
    const smaller = formatSetting(Number(suggestion.toPrecision(2)));
    lr.classList.add('warn');
    this.hint.replaceChildren(`lr = ${lr.value} overshoots: each step lands farther from the bottom of the loss than the last.`
      + (stableBelow ? ` For these points, gradient descent is stable only for lr < ${limitText(surface, momentum)}. ` : ' '));
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'try-smaller-lr';
    button.textContent = `Try lr = ${smaller}`;
    button.addEventListener('click', () => {
      lr.value = smaller;
      this.syncSlider();
      onTry();
    });
    this.hint.append(button);
    this.hint.classList.remove('hidden');
  }

  clearDivergenceHint() {
    this.field('lr')?.classList.remove('warn');
    this.hint?.classList.add('hidden');
  }
}
