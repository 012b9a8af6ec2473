/**
 * The embed: the playground in a blog post's iframe. Lazy (the socket opens only once the frame is on screen),
 * polite (pauses while the tab is hidden), and scriptable by its parent page with postMessage (SPEC §5).
 * Wiring only.
 */
import { readBoot, buildQuery, addressFor } from './state.js';
import { Playground } from './playground.js';
import { ControlPanel } from './controls.js';
import { Readout } from './readout.js';
import { applyStoredTheme } from './theme.js';
import { installKeys, scriptingApi } from './wiring.js';

applyStoredTheme();
const boot = readBoot();
const playground = new Playground(boot, { plot: document.getElementById('plot') });
const controls = new ControlPanel(document.getElementById('controls'), boot);
const readout = new Readout();
const openFull = document.getElementById('open-full');
const api = scriptingApi(playground, controls, boot);
window.sgdPlayground = api;

/** Tells the page around us; any origin may embed us, and nothing here is secret. */
function tellParent(message) {
  if (window.parent !== window) window.parent.postMessage({ sgdPlayground: message.type, ...message.fields }, '*');
}

playground.addEventListener('data', ({ detail }) => {
  controls.setValues(detail.experiment, { confirmed: true });
  openFull.href = addressFor('/', detail.query);
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
playground.addEventListener('error', ({ detail }) => readout.showError(detail.message));
controls.addEventListener('change', () => playground.restart(buildQuery(boot, controls.values())));

document.getElementById('play').addEventListener('click', () => { ensureConnected(false); playground.toggle(); });
document.getElementById('step')?.addEventListener('click', () => { ensureConnected(false); playground.step(); });
document.getElementById('reset')?.addEventListener('click', () => { ensureConnected(false); playground.reset(); });
installKeys(playground);

/** Opens the socket the first time it is needed: on screen, or asked to by a click or the parent. */
let connected = false;
function ensureConnected(play) {
  if (connected) return false;
  connected = true;
  playground.connect(play);
  return true;
}

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

if ('ResizeObserver' in window) {
  let lastHeight = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) {
      lastHeight = height;
      tellParent({ type: 'resize', fields: { height } });
    }
  }).observe(document.documentElement);
}

const COMMANDS = { play: true, pause: true, step: true, reset: true, set: true };
window.addEventListener('message', event => {
  if (event.source !== window.parent || window.parent === window) return;
  const command = event.data?.sgdPlayground;
  if (typeof command !== 'string' || !COMMANDS[command]) return;
  if (command === 'set') {
    const args = event.data.args;
    if (args && typeof args === 'object') {
      const firstConnect = !connected;
      if (firstConnect) { connected = true; playground.pause(); } // the new settings open the socket, paused
      api.set(args);
    }
    return;
  }
  if (ensureConnected(command === 'play')) return;
  api[command]();
});
