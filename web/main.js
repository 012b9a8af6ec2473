/** The full page: wires the playground, the form, the readout, the address bar, keys and buttons. Wiring only. */
import { readBoot, buildQuery, addressFor } from './state.js';
import { Playground } from './playground.js';
import { ControlPanel } from './controls.js';
import { Readout } from './readout.js';
import { TeachViews } from './teach.js';
import { StripView } from './strip.js';
import { GradientBars } from './gradbars.js';
import { OwnData } from './owndata.js';
import { GraphPanel } from './graph.js';
import { Leaderboard } from './leaderboard.js';
import { applyStoredTheme, toggleTheme, currentTheme } from './theme.js';
import { installKeys, copyText, embedSnippet, scriptingApi } from './wiring.js';
import { ExportMenu } from './export.js';
import { t, lang } from './i18n.js';
import { LanguageLinks, withLanguage } from './langswitch.js';

applyStoredTheme();
const boot = readBoot();
const playground = new Playground(boot, { plot: document.getElementById('plot'), loss: document.getElementById('loss-chart') });
const controls = new ControlPanel(document.getElementById('controls'), boot);
const readout = new Readout();
const teach = new TeachViews(document, {
  controls,
  onPick: init => controls.choose('init', init.join(',')),
  onRedraw: () => playground.requestRender(),
});
playground.addView(teach);
playground.addView(new StripView(document, () => playground.requestRender()));
playground.addView(new GradientBars(document));
const ownData = new OwnData(document, { playground, controls, boot, onPoints: run => teach.showData(run) });
playground.addView(ownData);
const graph = new GraphPanel(document, playground, { wideByDefault: true });
graph.watchPlot(document.getElementById('plot'));

const exportMenu = new ExportMenu(document.getElementById('export-menu'));
const languageLinks = new LanguageLinks(document, boot);
playground.addView(new Leaderboard(document));

/** The run's link in the page's language: the server's query for a run names none. */
const pageQuery = query => withLanguage(boot, query, lang());

function followAddress(runQuery) {
  const query = pageQuery(runQuery);
  history.replaceState(null, '', `${location.pathname}?${query}`);
  exportMenu.update(query, currentTheme(), Boolean(playground.run.race));
  languageLinks.update(controls.values());
}

playground.addEventListener('data', ({ detail }) => {
  controls.setValues(detail.experiment, { confirmed: true });
  followAddress(detail.query);
  readout.hideError();
  readout.showData(playground.run);
  teach.showData(playground.run);
  ownData.showData(playground.run);
  readout.showRunning(playground.running, null);
});
playground.addEventListener('frame', () => readout.showFrame(playground.run));
playground.addEventListener('outcome', () => {
  readout.showOutcome(playground.run);
  if (playground.run.outcome !== 'diverged') return;
  const { surface, experiment } = playground.run.data;
  controls.showDivergenceHint(surface, experiment, () => playground.restart(buildQuery(boot, controls.values())));
});
playground.addEventListener('running', () => readout.showRunning(playground.running, playground.run.outcome));
playground.addEventListener('status', ({ detail }) => readout.showStatus(detail));
playground.addEventListener('error', ({ detail }) => {
  readout.showError(detail.error); // the socket's refusal: {error, parameter?, value?, allowed?}
  if (detail.parameter) controls.markInvalid(detail.parameter);
});

controls.addEventListener('change', ({ detail }) => {
  const query = buildQuery(boot, controls.values());
  if (detail.key === 'speed') {
    playground.setSpeed(Number(controls.values().speed), query);
    followAddress(query);
  } else {
    playground.restart(query);
  }
});

document.getElementById('play').addEventListener('click', () => playground.toggle());
document.getElementById('step').addEventListener('click', () => graph.step());
document.getElementById('reset').addEventListener('click', () => playground.reset());
installKeys({ toggle: () => playground.toggle(), step: () => graph.step(), reset: () => playground.reset() });

const themeButton = document.getElementById('theme');
const labelTheme = () => { themeButton.textContent = t(currentTheme() === 'dark' ? 'web.theme.toLight' : 'web.theme.toDark'); };
labelTheme();
themeButton.addEventListener('click', () => {
  toggleTheme();
  labelTheme();
  playground.render();
  exportMenu.update(pageQuery(playground.query), currentTheme(), Boolean(playground.run.race));
});

const copyButton = document.getElementById('copy-link');
const copyLabel = copyButton.textContent;
copyButton.addEventListener('click', async () => {
  const link = addressFor(location.pathname, pageQuery(playground.query));
  copyButton.dataset.link = link;
  copyButton.textContent = t((await copyText(link)) ? 'web.copy.done' : 'web.copy.linkFailed');
  setTimeout(() => { copyButton.textContent = copyLabel; }, 1800);
});

const dialog = document.getElementById('embed-dialog');
const snippet = document.getElementById('embed-snippet');
document.getElementById('embed-button').addEventListener('click', () => {
  snippet.value = embedSnippet(addressFor('/embed', pageQuery(playground.query)));
  dialog.showModal();
  snippet.select();
});
const copyEmbed = document.getElementById('copy-embed');
const copyEmbedLabel = copyEmbed.textContent;
copyEmbed.addEventListener('click', async () => {
  copyEmbed.textContent = t((await copyText(snippet.value)) ? 'web.copy.done' : 'web.copy.snippetFailed');
  setTimeout(() => { copyEmbed.textContent = copyEmbedLabel; }, 1800);
});
document.getElementById('close-embed').addEventListener('click', () => dialog.close());

window.sgdPlayground = scriptingApi(playground, controls, boot,
  () => ({ landscape: teach.state(playground.run), graph: graph.state(), ownData: ownData.state() }));
playground.connect(boot.settings.autoplay === '1');
