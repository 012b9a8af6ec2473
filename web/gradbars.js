/**
 * The gradient, one bar per parameter on a log scale: the roller coaster's lesson at a glance, where ∂L/∂a is
 * thousands of times ∂L/∂c, so one learning rate cannot suit both. Bars span the powers of ten seen this run.
 */
import { formatNumber } from './format.js';

const DECADES_SHOWN = 6;

export class GradientBars {
  constructor(doc) {
    this.root = doc.getElementById('grad-bars');
  }

  render(run) {
    if (!this.root || !run.grad) return;
    const names = run.parameterNames;
    const magnitudes = run.grad.map(g => Math.abs(g));
    const top = Math.log10(Math.max(...magnitudes, 1e-300));
    if (this.root.children.length !== magnitudes.length) this.build(names, magnitudes.length);
    magnitudes.forEach((m, k) => {
      const row = this.root.children[k];
      const share = m > 0 ? Math.max(0, 1 - (top - Math.log10(m)) / DECADES_SHOWN) : 0;
      row.querySelector('.bar').style.width = `${Math.max(1, share * 100)}%`;
      row.querySelector('.value').textContent = formatNumber(m);
    });
  }

  build(names, count) {
    this.root.replaceChildren(...Array.from({ length: count }, (_, k) => {
      const row = document.createElement('div');
      row.className = 'grad-row';
      const label = document.createElement('span');
      label.className = 'name';
      label.textContent = `|∂L/∂${names[k] ?? 'p' + k}|`;
      const track = document.createElement('span');
      track.className = 'track';
      const bar = document.createElement('span');
      bar.className = 'bar';
      track.append(bar);
      const value = document.createElement('span');
      value.className = 'value';
      row.append(label, track, value);
      return row;
    }));
  }
}
