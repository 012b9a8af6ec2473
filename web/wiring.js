/** Wiring the full page and the embed share: keys, the clipboard, the embed snippet, the scripting API. */
import { buildQuery, presetValues } from './state.js';

/** Where keys belong to the element: fields, sliders and pickers, the dialog, the log (it scrolls by keys). */
export const KEEPS_ITS_KEYS = 'input, select, textarea, [contenteditable], dialog, [role="log"]';

/** space = play/pause, → = step, r = reset; not while typing in a field or moving a slider. */
export function installKeys(playground) {
  document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest(KEEPS_ITS_KEYS)) return;
    if (event.key === ' ' && target.closest?.('button, a, summary')) return; // presses the button, scrolls past the link
    if (event.key === ' ') playground.toggle();
    else if (event.key === 'ArrowRight') playground.step();
    else if (event.key === 'r' || event.key === 'R') playground.reset();
    else return;
    event.preventDefault();
  });
}

/** Copies text to the clipboard; false when the browser will not let us. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The iframe a blog post pastes. */
export function embedSnippet(src) {
  const escaped = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${escaped}" title="SGD Playground" width="720" height="520" loading="lazy" `
    + `style="border:0;width:100%;max-width:720px"></iframe>`;
}

/**
 * `window.sgdPlayground` (SPEC §5). `set({lr: 0.01, model: 'quadratic'})` changes settings as if typed into the
 * form; a `preset` among them is applied first. A new speed alone keeps the run, once there is one.
 */
export function scriptingApi(playground, controls, boot, moreState = () => ({ landscape: null, graph: null })) {
  return Object.freeze({
    play: () => playground.play(),
    pause: () => playground.pause(),
    step: () => playground.step(),
    reset: () => playground.reset(),
    state: () => ({ ...playground.state(), ...moreState() }),
    set(args = {}) {
      const entries = Object.entries(args).map(([k, v]) => [k, String(v)]);
      const values = { ...controls.values() };
      const preset = entries.find(([k]) => k === 'preset');
      if (preset) Object.assign(values, presetValues(boot, preset[1]));
      for (const [k, v] of entries) values[k] = v;
      controls.enterValues(values);
      const query = buildQuery(boot, values);
      if (entries.length === 1 && entries[0][0] === 'speed' && playground.run.data) {
        playground.setSpeed(Number(entries[0][1]), query);
        history.replaceState(null, '', `${location.pathname}?${query}`);
      } else {
        playground.restart(query);
      }
      return query;
    },
  });
}
