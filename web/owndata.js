/**
 * "Your data" (SPEC §6): the points on screen made editable and storable. Edits on the plot (pointedit.js) change a
 * working copy; while a point is dragged the server's least squares, landscape and stability limit follow it
 * (POST /api/analyse, one request in flight, the newest position next); when an edit ends the set is stored
 * (POST /api/points) and the run restarts on `points=ID`. A pasted, uploaded or dropped table is stored the same
 * way. Every step is undoable, and a refused edit or table leaves the points and the link as they were.
 */
import { PointGestures } from './pointedit.js';
import { buildQuery, presetValues } from './state.js';
import { sniffColumns } from './table.js';
import { KEEPS_ITS_KEYS } from './wiring.js';
import { t } from './i18n.js';

/** How many edits Ctrl+Z can walk back. */
const UNDO_DEPTH = 100;
/** Clicks in quick succession are stored as one set: a burst of added points costs one stored set, not ten. */
const STORE_AFTER_MS = 350;
/** The settings that mean nothing while own points are shown. */
const IGNORED_WITH_OWN_POINTS = ['data', 'n', 'noise'];

export class OwnData {
  /**
   * @param playground the run on screen (playground.js)
   * @param controls the form (controls.js): `points` is one of its settings, kept for links
   * @param onPoints called with the run after the points on screen changed without a new run (a drag)
   */
  constructor(doc, { playground, controls, boot, onPoints }) {
    const $ = id => doc.getElementById(id);
    this.el = {
      form: $('own-form'), table: $('own-table'), file: $('own-file'), message: $('own-message'), columns: $('own-columns'),
      xcol: $('own-xcol'), ycol: $('own-ycol'), back: $('own-back'), stored: $('own-stored'), download: $('own-download'),
      plot: $('plot'), panel: $('own-data'),
    };
    this.playground = playground;
    this.controls = controls;
    this.boot = boot;
    this.limits = boot.limits ?? { maxPoints: 100000, minPoints: 2, maxBodyBytes: 8 << 20 };
    this.onPoints = onPoints;
    this.working = null; // the edited points, while an edit is not yet stored
    this.undo = [];
    this.selected = null;
    this.storeTimer = null;
    this.analysing = false;
    this.analyseAgain = false;
    this.analyseMs = [];
    this.table = null; // the last table pasted or read from a file: {text, name}
    this.gestures = new PointGestures(this.el.plot, () => playground.plot.view ?? null, () => this.points(), {
      add: (x, y) => this.edit(p => { p.x.push(x); p.y.push(y); }),
      remove: i => this.remove(i),
      select: i => { this.selected = i; playground.requestRender(); },
      moveStart: () => this.startEdit(),
      move: (i, x, y) => this.move(i, x, y),
      moveEnd: () => this.store(),
    });
    this.wire(doc);
  }

  wire(doc) {
    const { form, table, file, back, plot } = this.el;
    form.addEventListener('submit', event => {
      event.preventDefault();
      const text = table.value.trim() !== '' ? table.value : this.table?.text;
      if (!text) return this.say(t('web.own.pasteFirst'), true);
      if (table.value.trim() !== '') this.table = { text: table.value, name: t('web.own.pastedTable') };
      this.storeTable(this.table);
    });
    let sniffTimer = null;
    table.addEventListener('input', () => {
      clearTimeout(sniffTimer);
      sniffTimer = setTimeout(() => this.showColumns(table.value), 200);
    });
    file.addEventListener('change', () => {
      if (file.files[0]) this.readFile(file.files[0]);
      file.value = '';
    });
    back.addEventListener('click', () => this.switchTo('', t('web.own.backToGenerated')));
    plot.addEventListener('dragover', event => {
      if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
      event.preventDefault();
      plot.classList.add('dropping');
    });
    plot.addEventListener('dragleave', () => plot.classList.remove('dropping'));
    plot.addEventListener('drop', event => {
      plot.classList.remove('dropping');
      const dropped = event.dataTransfer?.files?.[0];
      if (!dropped) return;
      event.preventDefault();
      this.readFile(dropped);
    });
    doc.addEventListener('keydown', event => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return;
      if (event.target.closest?.(KEEPS_ITS_KEYS)) return; // a field's own undo, the dialog's, the log's
      event.preventDefault();
      this.undoLast();
    });
  }

  /** A new run arrived: its points are the ones on screen now. */
  showData(run) {
    this.working = null;
    this.serverData = run.data;
    this.selected = null;
    this.gestures.select(null);
    const id = run.data.experiment.points ?? '';
    if (id === '') this.generated = pick(run.data.experiment, IGNORED_WITH_OWN_POINTS);
    this.el.stored.classList.toggle('hidden', id === '');
    if (id !== '') this.el.panel.open = true;
    this.el.download.href = id === '' ? '#' : `/api/points/${id}.csv`;
    for (const key of IGNORED_WITH_OWN_POINTS) {
      const field = this.controls.field(key);
      if (!field) continue;
      field.disabled = id !== '';
      field.title = id !== '' ? t('web.own.notUsed') : '';
    }
  }

  /** The points on screen: the working copy while editing, else the run's. */
  points() {
    return this.working ?? this.playground.run.data?.points ?? null;
  }

  /** The stored set on screen ('' for generated points). */
  get currentId() {
    return this.playground.run.data?.experiment.points ?? '';
  }

  /** Opens an edit: remembers the points as they were (for Ctrl+Z) and pauses the run while they change. */
  startEdit() {
    if (!this.points()) return false;
    if (this.working === null && this.points().exact === false) return this.fetchExact();
    if (this.working === null) {
      this.remember({ id: this.currentId });
      this.working = copyPoints(this.points());
      this.wasRunning = this.playground.running;
      if (this.wasRunning) this.playground.pause();
    } else {
      this.remember({ points: copyPoints(this.working) });
    }
    clearTimeout(this.storeTimer);
    return true;
  }

  /**
   * A big set comes on a 16-bit grid, good for drawing: before its first edit the exact points are fetched, so the
   * stored set keeps every other point's double as it was. The gesture that asked waits for the next one.
   */
  fetchExact() {
    this.say('Fetching the exact points first (a set this big comes rounded for drawing)…');
    this.playground.exactPoints().then(exact => {
      if (!exact) return this.say('The exact points could not be fetched; nothing was changed.', true);
      this.serverData = this.playground.run.data;
      this.say('The exact points are here: edit away.');
    });
    return false;
  }

  edit(change) {
    if (!this.startEdit()) return;
    change(this.working);
    this.redraw();
    this.storeSoon();
  }

  remove(i) {
    const points = this.points();
    if (!points || points.x.length <= this.limits.minPoints) {
      this.say(t('web.own.needsPoints', { min: this.limits.minPoints }), true);
      return;
    }
    this.edit(p => { p.x.splice(i, 1); p.y.splice(i, 1); });
  }

  move(i, x, y) {
    if (this.working === null) return; // the drag's start was refused (the exact points are on their way)
    this.working.x[i] = x;
    this.working.y[i] = y;
    this.redraw();
    this.analyse();
  }

  /** Draws the working copy in place of the run's points. */
  redraw() {
    const run = this.playground.run;
    run.data = { ...run.data, points: { ...this.working } }; // a new object: the plot redraws a cached scatter for it
    this.playground.requestRender();
  }

  /** Asks the server what the dragged points' least squares and landscape are; one request at a time, the newest next. */
  async analyse() {
    if (this.analysing) {
      this.analyseAgain = true;
      return;
    }
    this.analysing = true;
    const sent = this.working, started = performance.now();
    try {
      const answer = await fetch(`/api/analyse?${withoutPoints(this.playground.query)}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sent),
      });
      if (answer.ok && this.working === sent) {
        const a = await answer.json();
        const run = this.playground.run;
        run.data = { ...run.data, points: sent, optimum: a.optimum, surface: a.surface, standardisation: a.standardisation ?? null };
        this.analyseMs.push(performance.now() - started);
        if (this.analyseMs.length > 200) this.analyseMs.shift();
        this.onPoints(run);
        this.playground.requestRender();
      }
    } catch {
      // the drag goes on without the live best fit; storing the points at its end reports any trouble
    } finally {
      this.analysing = false;
      if (this.analyseAgain && this.working) {
        this.analyseAgain = false;
        this.analyse();
      }
    }
  }

  storeSoon() {
    clearTimeout(this.storeTimer);
    this.storeTimer = setTimeout(() => this.store(), STORE_AFTER_MS);
  }

  /** Stores the working copy and restarts the run on it; a refusal puts the run's own points back. */
  async store() {
    clearTimeout(this.storeTimer);
    const points = this.working;
    if (!points) return;
    const answer = await this.post('/api/points', 'application/json', JSON.stringify(points));
    if (this.working !== points) return; // undone or replaced meanwhile
    if (answer.id) {
      this.restartOn(answer.id, this.wasRunning);
      this.say(t('web.own.storedEdit', { n: answer.n }));
    } else {
      this.dropEdit();
      this.say(t('web.own.editRefused', { error: answer.error }), true);
    }
  }

  /** Throws the working copy away and shows the run's points (and their best fit) again. */
  dropEdit() {
    if (this.working === null) return;
    this.working = null;
    this.undo.pop();
    this.playground.run.data = this.serverData;
    this.onPoints(this.playground.run);
    this.playground.requestRender();
    if (this.wasRunning) this.playground.play();
  }

  /** Ctrl+Z: back to the points before the last edit (stored sets by id, so nothing is stored twice). */
  undoLast() {
    clearTimeout(this.storeTimer);
    const before = this.undo.pop();
    if (!before) return this.say(t('web.own.nothingToUndo'));
    if (before.points) {
      this.working = before.points;
      this.redraw();
      this.storeSoon();
    } else {
      this.working = null;
      this.restartOn(before.id, this.wasRunning ?? this.playground.running);
    }
    this.say(t('web.own.undone'));
  }

  /** Another stored set ('' for generated points), undoably. */
  switchTo(id, said) {
    if (id === this.currentId) return;
    this.remember({ id: this.currentId });
    this.restartOn(id, this.playground.running);
    this.say(said);
  }

  /**
   * Restarts the run on stored set `id`, or ('') on generated points: those last shown, else the preset's (the
   * server reports an own set's size as `n`, which must not leak into the generated set's link).
   */
  restartOn(id, play) {
    this.working = null;
    const values = { ...this.controls.values(), points: id };
    if (id === '') Object.assign(values, this.generated ?? pick(presetValues(this.boot, values.preset), IGNORED_WITH_OWN_POINTS));
    this.controls.setValues(pick(values, ['points', ...IGNORED_WITH_OWN_POINTS]), { confirmed: true });
    this.playground.run.keepRangesIfTheyFit();
    this.playground.restart(buildQuery(this.boot, values), play);
  }

  remember(state) {
    this.undo.push(state);
    if (this.undo.length > UNDO_DEPTH) this.undo.shift();
  }

  async readFile(file) {
    if (file.size > this.limits.maxBodyBytes) {
      this.say(t('web.own.fileTooBig', { name: file.name, size: megabytes(file.size), max: megabytes(this.limits.maxBodyBytes) }), true);
      return;
    }
    const text = await file.text();
    this.table = { text, name: file.name };
    this.showColumns(text);
    this.storeTable(this.table);
  }

  /** Offers x and y pickers when the table has more than two columns (named by its header when it has one). */
  showColumns(text) {
    const columns = sniffColumns(text);
    const { xcol, ycol } = this.el;
    const show = columns.length > 2;
    this.el.columns.classList.toggle('hidden', !show);
    if (!show) return;
    const options = columns.map((c, i) => new Option(c.name ? `${c.name}` : t('web.own.column', { index: i + 1 }), c.name ?? String(i + 1)));
    const numeric = columns.map((c, i) => (c.numeric ? i : -1)).filter(i => i >= 0);
    xcol.replaceChildren(...options.map(o => o.cloneNode(true)));
    ycol.replaceChildren(...options);
    xcol.selectedIndex = numeric[0] ?? 0;
    ycol.selectedIndex = numeric[1] ?? 1;
  }

  async storeTable(table) {
    if (new Blob([table.text]).size > this.limits.maxBodyBytes) {
      this.say(t('web.own.tableTooBig', { name: table.name, max: megabytes(this.limits.maxBodyBytes) }), true);
      return;
    }
    const columns = this.el.columns.classList.contains('hidden') ? ''
      : `?xcol=${encodeURIComponent(this.el.xcol.value)}&ycol=${encodeURIComponent(this.el.ycol.value)}`;
    this.say(t('web.own.storing', { name: table.name }));
    const answer = await this.post(`/api/points${columns}`, 'text/csv; charset=utf-8', table.text);
    if (!answer.id) return this.say(t('web.own.tableRefused', { name: table.name, error: sentence(answer.error) }), true);
    this.switchTo(answer.id, t('web.own.storedTable', { n: answer.n, name: table.name }));
    if (answer.id === this.currentId) this.say(t('web.own.alreadyShown', { n: answer.n }));
  }

  /** POSTs to the store; answers {id, n} or {error}, waiting once through a 429's Retry-After. */
  async post(url, type, body, retried = false) {
    let answer;
    try {
      answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });
    } catch {
      return { error: t('web.own.unreachable') };
    }
    const json = await answer.json().catch(() => ({}));
    if (answer.status === 201) return json;
    if (answer.status === 429 && !retried) {
      const wait = Number(answer.headers.get('Retry-After')) || 5;
      this.say(t('web.own.busy', { seconds: wait }));
      await new Promise(r => setTimeout(r, wait * 1000));
      return this.post(url, type, body, true);
    }
    return { error: json.error ?? t('web.own.answered', { status: answer.status }) };
  }

  say(text, problem = false) {
    this.el.message.textContent = text;
    this.el.message.classList.toggle('problem', problem);
  }

  /** What scripts and tests read (state().ownData). */
  state() {
    const ms = [...this.analyseMs].sort((a, b) => a - b);
    const view = this.playground.plot.view;
    return {
      view: view ? { box: { ...view.box }, x: view.domains.x, y: view.domains.y } : null, // the plot's pixels ↔ data
      id: this.currentId,
      editing: this.working !== null,
      n: this.points()?.x.length ?? 0,
      undo: this.undo.length,
      selected: this.selected,
      message: this.el.message.textContent,
      analyses: ms.length,
      pending: this.analysing || this.analyseAgain,
      analyseMedianMs: ms.length ? ms[ms.length >> 1] : null,
    };
  }

  /** Rings the selected point (the one Delete removes): a view drawn after the plot. */
  render(run, colors) {
    const view = this.playground.plot.view, points = this.points();
    if (this.selected === null || !view || !points || this.selected >= points.x.length) return;
    const ctx = this.el.plot.getContext('2d');
    ctx.save();
    ctx.strokeStyle = colors.text;
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 2]);
    ctx.beginPath();
    ctx.arc(view.x.toPixel(points.x[this.selected]), view.y.toPixel(points.y[this.selected]), 8, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.restore();
  }
}

/** Ends a server's message with a full stop when it has none, so another sentence can follow it. */
function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function pick(settings, keys) {
  return Object.fromEntries(keys.filter(k => settings[k] !== undefined).map(k => [k, String(settings[k])]));
}

function copyPoints(p) {
  return { x: [...p.x], y: [...p.y] };
}

function withoutPoints(query) {
  return query.split('&').filter(part => !part.startsWith('points=')).join('&');
}

function megabytes(bytes) {
  return `${(bytes / (1 << 20)).toFixed(bytes < 10 << 20 ? 1 : 0)} MB`;
}
