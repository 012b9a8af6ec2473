/**
 * The form whose fields are the URL's parameters (SPEC §5). Keeps the learning rate's log slider and its
 * exact entry in step, loads a preset's settings when one is picked, and tells its owner what changed
 * (event `change`, detail `{key}`, once a setting settles). The one owner of the learning-rate field: others
 * read it, hear every edit of it (event `learningrate`), and mark or warn on it through the methods here.
 * Knows nothing of sockets.
 */
import { presetValues, parameterCount, list } from './state.js';
import { formatSetting } from './format.js';
import { limitText } from './surface.js';
import { applies } from './optimizers.js';
import { t } from './i18n.js';

const SLIDER_SETTLE_MS = 150;
/** A range input's thumb, about: its centre travels from half a thumb in to half a thumb short of the end. */
const THUMB_PX = 16;

export class ControlPanel extends EventTarget {
  constructor(form, boot) {
    super();
    this.form = form;
    this.boot = boot;
    this.base = { ...boot.settings };
    this.slider = form.querySelector('#lr-slider');
    this.hint = form.querySelector('#lr-hint');
    this.limitMark = form.querySelector('#lr-limit-mark');
    this.warning = form.querySelector('#lr-warning');
    this.sliderTimer = null;

    form.addEventListener('submit', event => event.preventDefault());
    form.addEventListener('change', event => this.fieldChanged(event.target));
    form.addEventListener('change', () => this.showApplicable());
    const lr = this.field('lr');
    if (lr) {
      lr.addEventListener('input', () => {
        this.syncSlider();
        this.dispatchEvent(new Event('learningrate'));
      });
    }
    if (this.slider) {
      this.slider.addEventListener('input', () => {
        lr.value = formatSetting(Number(Math.pow(10, Number(this.slider.value)).toPrecision(2)));
        this.dispatchEvent(new Event('learningrate'));
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
    this.showApplicable();
  }

  /** Shows the optimizer's own settings and hides the others' (optimizers.js), as the server first drew them. */
  showApplicable() {
    const optimizer = this.field('optimizer')?.value ?? 'sgd';
    for (const el of this.form.elements) {
      if (el.name) el.closest('.field')?.classList.toggle('hidden', !applies(optimizer, el.name));
    }
  }

  /**
   * Puts `values` (key → text) into the fields as if typed there, the focused one too, and keeps every key for
   * links: what a script's `set` does. Announces nothing; the caller starts the run.
   */
  enterValues(values) {
    for (const [key, value] of Object.entries(values)) {
      const el = this.field(key);
      if (el) el.value = value;
    }
    this.base = { ...this.base, ...values };
    this.syncSlider();
    this.showLesson();
  }

  /** Puts `value` into the field for `key` and announces it, as a person choosing it would. */
  choose(key, value) {
    this.field(key).value = value;
    this.announce(key);
  }

  /** The learning rate as it stands in its field (typed, slid or set), or null where the form has none. */
  learningRateText() {
    return this.field('lr')?.value ?? null;
  }

  /**
   * Marks a learning rate on the log slider, where the thumb's centre would be for it, with a label and a
   * tooltip: `{value, label, title}`, or null to take the mark away.
   */
  markLearningRate(mark) {
    const { limitMark, slider } = this;
    if (!limitMark) return;
    if (!mark || !slider) {
      limitMark.classList.add('hidden');
      return;
    }
    const lo = Number(slider.min), hi = Number(slider.max), e = Math.log10(mark.value);
    const f = Math.min(1, Math.max(0, (e - lo) / (hi - lo)));
    limitMark.style.left = `calc(${f * 100}% + ${THUMB_PX / 2 - f * THUMB_PX}px)`;
    limitMark.title = mark.title;
    limitMark.dataset.label = mark.label;
    limitMark.classList.remove('hidden');
  }

  /** The warning under the learning rate, said before the run starts; null hides it. */
  warnLearningRate(text) {
    if (!this.warning) return;
    this.warning.classList.toggle('hidden', text == null);
    if (text != null) this.warning.textContent = text;
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
    this.hint.replaceChildren(t('web.divergence.overshoots', { lr: lr.value })
      + (stableBelow ? ` ${t('web.divergence.stableBelow', { limit: limitText(surface, momentum) })} ` : ' '));
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'try-smaller-lr';
    button.textContent = t('web.divergence.try', { lr: smaller });
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
