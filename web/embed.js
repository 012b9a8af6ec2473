/**
 * The embed: the playground in a blog post's iframe. Lazy (the socket opens only once the frame is on screen),
 * polite (pauses while the tab is hidden), and scriptable by its parent page with postMessage (SPEC §5).
 * Wiring only.
 */
import { readBoot, buildQuery, addressFor } from './state.js';
import { Playground } from './playground.js';
import { ControlPanel } from './controls.js';
import { Readout } from './readout.js';
import { Leaderboard } from './leaderboard.js';
import { applyStoredTheme } from './theme.js';
import { installKeys, scriptingApi } from './wiring.js';
import { lang } from './i18n.js';
import { withLanguage } from './langswitch.js';

applyStoredTheme();
const boot = readBoot();
const playground = new Playground(boot, { plot: document.getElementById('plot') });
const controls = new ControlPanel(document.getElementById('controls'), boot);
const readout = new Readout();
playground.addView(new Leaderboard(document, { compact: true })); // a race's lanes, in one line under the readout
const openFull = document.getElementById('open-full');

/** Tells the page around us; any origin may embed us, and nothing here is secret. */
function tellParent(message) {
  if (window.parent !== window) window.parent.postMessage({ sgdPlayground: message.type, ...message.fields }, '*');
}

playground.addEventListener('data', ({ detail }) => {
  controls.setValues(detail.experiment, { confirmed: true });
  openFull.href = addressFor('/', withLanguage(boot, detail.query, lang()));
  readout.hideError();
  readout.showData(playground.run);
  readout.showRunning(playground.running, null);
});
playground.addEventListener('frame', ({ detail }) => {
  readout.showFrame(playground.run);
  tellParent({ type: 'frame', fields: { iter: detail.iter, loss: detail.loss } });
});
playground.addEventListener('outcome', ({ detail }) => {
  readout.showOutcome(playground.run);
  tellParent({ type: detail.type, fields: { iter: detail.iter, loss: detail.loss } });
});
playground.addEventListener('running', () => readout.showRunning(playground.running, playground.run.outcome));
playground.addEventListener('status', ({ detail }) => readout.showStatus(detail));
playground.addEventListener('error', ({ detail }) => readout.showError(detail.error));
controls.addEventListener('change', () => playground.restart(buildQuery(boot, controls.values())));

/** Opens the socket the first time it is needed: on screen, or asked to by a click, a script or the parent. */
let connected = false;
function ensureConnected(play) {
  if (connected) return;
  connected = true;
  playground.connect(play);
}

const scripted = scriptingApi(playground, controls, boot);
/**
 * `window.sgdPlayground`, and what the parent's messages call: each call opens the socket first if the embed has
 * not yet, then waits in its queue for the run; a `set` opens it with its own settings, paused.
 */
const api = Object.freeze({
  ...scripted,
  play: () => { ensureConnected(false); scripted.play(); },
  pause: () => { ensureConnected(false); scripted.pause(); },
  step: () => { ensureConnected(false); scripted.step(); },
  reset: () => { ensureConnected(false); scripted.reset(); },
  set: args => {
    connected = true; // the new settings open the socket, paused (autoplay or not)
    return scripted.set(args);
  },
});
window.sgdPlayground = api;

document.getElementById('play').addEventListener('click', () => { ensureConnected(false); playground.toggle(); });
document.getElementById('step')?.addEventListener('click', api.step);
document.getElementById('reset')?.addEventListener('click', api.reset);
installKeys(playground);

playground.showBoot(); // the run on screen from the page itself; the socket waits until the frame is in view
const root = document.querySelector('.embed-root');
if ('IntersectionObserver' in window) {
  const watcher = new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting)) {
      watcher.disconnect();
      ensureConnected(boot.settings.autoplay === '1');
    }
  });
  watcher.observe(root);
} else {
  ensureConnected(boot.settings.autoplay === '1');
}

let pausedWhileHidden = false;
document.addEventListener('visibilitychange', () => {
  if (document.hidden && playground.running) {
    playground.pause();
    pausedWhileHidden = true;
  } else if (!document.hidden && pausedWhileHidden) {
    pausedWhileHidden = false;
    playground.play();
  }
});

/**
 * The height the embed would take if it could choose, for a parent that sizes its frame by it: the strip and the
 * footer as laid out now, and the plot at its natural height for this width (a little over half of it).
 */
function naturalHeight() {
  const plot = document.querySelector('.plot-wrap');
  const rest = document.documentElement.scrollHeight - plot.offsetHeight;
  return Math.ceil(rest + Math.min(420, Math.max(200, 0.58 * window.innerWidth)));
}

if ('ResizeObserver' in window) {
  let lastHeight = -1;
  const watcher = new ResizeObserver(() => {
    const height = naturalHeight();
    if (height !== lastHeight) {
      lastHeight = height;
      tellParent({ type: 'resize', fields: { height } });
    }
  });
  watcher.observe(document.documentElement);
  watcher.observe(document.querySelector('.plot-wrap')); // the strip or footer grew: the plot gave way
}

const COMMANDS = { play: true, pause: true, step: true, reset: true, set: true };
window.addEventListener('message', event => {
  if (event.source !== window.parent || window.parent === window) return;
  const command = event.data?.sgdPlayground;
  if (typeof command !== 'string' || !COMMANDS[command]) return;
  if (command !== 'set') api[command]();
  else if (event.data.args && typeof event.data.args === 'object') api.set(event.data.args);
});
