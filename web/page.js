/**
 * The full page's wiring, once it is parsed: the form, the readout, the address bar, keys and buttons around the
 * playground main.js made (and whose first curve it drew before the rest of the page was there). Wiring only.
 * The panels (teaching views, own data, graph, leaderboard, export) come with `import()` once the curve is shown, so
 * a first visit waits for a third fewer files (issue #18).
 */
import { buildQuery, addressFor } from './state.js';
import { ControlPanel } from './controls.js';
import { Readout } from './readout.js';
import { toggleTheme, currentTheme } from './theme.js';
import { installKeys, copyText, embedSnippet, scriptingApi } from './wiring.js';
import { t, lang } from './i18n.js';
import { LanguageLinks, withLanguage } from './langswitch.js';

/** Wires the parsed page around `playground`, which drew the boot run `boot` carries. */
export function wirePage(boot, playground) {
  playground.attachLossChart(document.getElementById('loss-chart'));
  const controls = new ControlPanel(document.getElementById('controls'), boot);
  const readout = new Readout();
  let teach = null, ownData = null, graph = null, exportMenu = null; // the panels, once loadPanels() has them
  // read now: the address follows the run from its first message
  const show = new URLSearchParams(location.search).get('show');

  const languageLinks = new LanguageLinks(document, boot);

  /** The panels, after the first curve: each catches up with the run already on screen. */
  async function loadPanels() {
    const [
      { TeachViews }, { StripView }, { GradientBars }, { OwnData }, { GraphPanel }, { Leaderboard }, { ExportMenu },
    ] =
      await Promise.all([import('./teach.js'), import('./strip.js'), import('./gradbars.js'), import('./owndata.js'),
        import('./graph.js'), import('./leaderboard.js'), import('./export.js')]);
    teach = new TeachViews(document, {
      controls,
      onPick: init => controls.choose('init', init.join(',')),
      onRedraw: () => playground.requestRender(),
    });
    playground.addView(teach);
    playground.addView(new StripView(document, () => playground.requestRender()));
    playground.addView(new GradientBars(document));
    ownData = new OwnData(document, { playground, controls, boot, onPoints: run => teach.showData(run) });
    playground.addView(ownData);
    graph = new GraphPanel(document, playground, { wideByDefault: true, show });
    graph.watchPlot(document.getElementById('plot'));
    exportMenu = new ExportMenu(document.getElementById('export-menu'));
    playground.addView(new Leaderboard(document));
    if (playground.run.data) {
      teach.showData(playground.run);
      ownData.showData(playground.run);
      graph.receive({ type: 'data' }); // the run's message went by before the panel was there: asks for its graph
    }
    exportMenu.update(pageQuery(playground.query), currentTheme());
    playground.requestRender();
    performance.mark('sgd:panels'); // for tests and bench/first-curve: every panel is wired
  }

  /** The run's link in the page's language: the server's query for a run names none. */
  const pageQuery = query => withLanguage(boot, query, lang());

  function followAddress(runQuery) {
    const query = pageQuery(runQuery);
    history.replaceState(null, '', `${location.pathname}?${query}`);
    exportMenu?.update(query, currentTheme());
    languageLinks.update(controls.values());
  }

  playground.addEventListener('data', ({ detail }) => {
    controls.setValues(detail.experiment, { confirmed: true });
    followAddress(detail.query);
    readout.hideError();
    readout.showData(playground.run);
    teach?.showData(playground.run);
    ownData?.showData(playground.run);
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
  const step = () => (graph ?? playground).step(); // the graph panel walks a step when it is open
  document.getElementById('step').addEventListener('click', step);
  document.getElementById('reset').addEventListener('click', () => playground.reset());
  installKeys({ toggle: () => playground.toggle(), step, reset: () => playground.reset() });

  const themeButton = document.getElementById('theme');
  const labelTheme = () => {
    themeButton.textContent = t(currentTheme() === 'dark' ? 'web.theme.toLight' : 'web.theme.toDark');
  };
  labelTheme();
  themeButton.addEventListener('click', () => {
    toggleTheme();
    labelTheme();
    playground.render();
    exportMenu?.update(pageQuery(playground.query), currentTheme());
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
    () => ({
      landscape: teach?.state(playground.run) ?? null, graph: graph?.state() ?? null, ownData: ownData?.state() ?? null,
    }));
  // The socket and the panels after the frame that paints the first curve, so nothing stands between its drawing and
  // its showing (a tab opened in the background paints, and so connects, when it is first shown); the run goes on
  // without its panels if a file cannot be fetched.
  requestAnimationFrame(() => setTimeout(() => {
    playground.connect(boot.settings.autoplay === '1');
    loadPanels().catch(error => console.error('sgd: the panels did not load', error));
  }));
}
