/** Dark (the notebooks' dark_background) or light; the choice is remembered in this browser only. */

const KEY = 'sgd-playground-theme';

export function currentTheme() {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

export function applyStoredTheme() {
  let stored = null;
  try { stored = localStorage.getItem(KEY); } catch { /* storage may be off; dark it is */ }
  if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
}

export function toggleTheme() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try { localStorage.setItem(KEY, next); } catch { /* remembered for this page only */ }
  return next;
}

/** The drawing colours, from the stylesheet's custom properties so CSS owns the palette. */
export function plotColors() {
  const css = getComputedStyle(document.documentElement);
  const v = name => css.getPropertyValue(name).trim();
  return {
    background: v('--plot-bg'),
    text: v('--plot-text'),
    muted: v('--plot-muted'),
    grid: v('--plot-grid'),
    axis: v('--plot-axis'),
    legendBackground: v('--plot-legend-bg'),
    lessonPoints: v('--lesson-points'),
    lessonCurve: v('--lesson-curve'),
    fastbookPoints: v('--fastbook-points'),
    fastbookCurve: v('--fastbook-curve'),
    fastbookPredictions: v('--fastbook-predictions'),
    reference: v('--reference'),
    loss: v('--loss'),
    danger: v('--danger'),
  };
}
