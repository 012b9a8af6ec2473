/**
 * Dark (the notebooks' dark_background) or light. A reader's choice is kept in the `sgd-theme` cookie, so the server
 * writes the next page in it (page/Theme.java) and its first paint is already in their colours; and in this
 * browser's storage, where a framed embed (whose cookie a browser does not send) and a choice made before the cookie
 * find it.
 */

const KEY = 'sgd-playground-theme';
const COOKIE = 'sgd-theme';
const YEAR_SECONDS = 365 * 24 * 3600;

export function currentTheme() {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

/**
 * The stored choice, when the page was not written in it: a framed embed, or a choice from before the cookie. Reads
 * the storage only: `document.cookie` is a round trip to the browser's cookie store, and the page already says what
 * the server read (`data-theme`).
 */
export function applyStoredTheme() {
  let stored = null;
  try { stored = localStorage.getItem(KEY); } catch { /* storage may be off; the page's theme it is */ }
  if ((stored !== 'light' && stored !== 'dark') || stored === currentTheme()) return;
  document.documentElement.dataset.theme = stored;
  remember(stored);
}

export function toggleTheme() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  remember(next);
  return next;
}

function remember(theme) {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${COOKIE}=${theme}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`;
  try { localStorage.setItem(KEY, theme); } catch { /* the cookie keeps it, or this page does */ }
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
