/**
 * The Graph panel (SPEC §9): the loss's computation graph as the server's engine built it, one card a tensor (its
 * op, and for a scalar its value and gradient; for a vector its shape and a sparkline), leaves at the top and the
 * loss at the bottom; fastbook's seven steps above it and the gradient written out below. Nothing here knows a
 * model: the cards come from the graph the server sends. While the panel is shut it asks for nothing, so its
 * frames are the plain ones.
 */
import { formatNumber } from './format.js';
import { SevenSteps } from './sevensteps.js';
import { renderMaths } from './maths.js';
import { t } from './i18n.js';

const WALK_MS = 220; // one node or edge lit per this many ms while a step is walked
const ROW_SEND_MS = 80; // a hover asks for its row at most this often
const SVG = 'http://www.w3.org/2000/svg';

const sleep = ms => new Promise(done => setTimeout(done, ms));

export class GraphPanel {
  /** @param show the page's `show` parameter as it was loaded (the address bar follows the run since) */
  constructor(doc, playground, { wideByDefault, show = new URLSearchParams(location.search).get('show') }) {
    this.details = doc.getElementById('graph-panel');
    this.box = doc.getElementById('graph');
    this.mathsBox = doc.getElementById('graph-maths');
    this.steps = new SevenSteps(doc.getElementById('seven-steps'));
    this.playground = playground;
    this.structure = null;
    this.values = null;
    this.row = null;
    this.walking = false;
    this.valuesWaiters = [];
    if (!this.details) return;
    this.details.open = show === 'graph' || (wideByDefault && matchMedia('(min-width: 900px)').matches);
    this.details.addEventListener('toggle', () => this.#subscribe());
    playground.addEventListener('message', ({ detail }) => this.receive(detail));
    playground.addEventListener('running', () => { if (!this.walking) this.steps.follow(playground.run, playground.running); });
    if ('ResizeObserver' in window) new ResizeObserver(() => this.#drawEdges()).observe(this.box);
  }

  get isOpen() {
    return Boolean(this.details?.open);
  }

  #subscribe() {
    if (this.playground.run.race) return; // a race has a graph per lane: the panel follows single runs (SPEC §9)
    this.playground.connection.send(this.isOpen ? { type: 'graph', open: true, row: this.row } : { type: 'graph', open: false });
    if (this.isOpen) requestAnimationFrame(() => this.#drawEdges());
  }

  receive(m) {
    if (m.type === 'data') {
      this.values = null;
      this.row = null;
      if (this.playground.run.race) {
        this.structure = null;
        const note = document.createElement('p');
        note.className = 'graph-hint';
        note.textContent = t('web.graph.race');
        this.box.replaceChildren(note);
        this.mathsBox.replaceChildren();
      } else if (m.graph) this.#build(m.graph);
      else if (this.isOpen) this.#subscribe(); // a new socket (a reconnect) starts with the panel shut on its side
      this.steps.follow(this.playground.run, this.playground.running);
    } else if (m.type === 'graph') {
      this.#build(m.graph);
    } else if ((m.type === 'frame' || m.type === 'nodes') && m.graph) {
      this.#show(m.graph);
    } else if (m.type === 'done' || m.type === 'diverged') {
      if (!this.walking) this.steps.show('stop');
    }
    if (m.type === 'frame' && !this.walking) this.steps.follow(this.playground.run, this.playground.running);
  }

  /**
   * What SPEC §9 promises scripts: every node with its value and gradient at the frame shown; and the point
   * hovered on the plot (`hovered`), with its row through every vector node once the server has sent it (`row`).
   */
  state() {
    if (!this.structure) return null;
    const v = this.values;
    return {
      iter: v?.iter ?? null,
      hovered: this.row,
      row: v?.row ? { index: v.row.index, values: [...v.row.values], grads: [...v.row.grads] } : null,
      nodes: this.structure.nodes.map(n => ({
        id: n.id, op: n.op, label: n.label, shape: [...n.shape],
        value: v ? v.values[n.id] : null, grad: v ? v.grads[n.id] : null,
      })),
      edges: this.structure.edges.map(e => [...e]),
    };
  }

  // ---- the cards ------------------------------------------------------------------------------------------

  #build(structure) {
    this.structure = structure;
    const depth = [];
    for (const n of structure.nodes) depth[n.id] = 0;
    for (const [from, to] of structure.edges) depth[to] = Math.max(depth[to], depth[from] + 1); // edges come parents first
    const rows = [];
    for (const n of structure.nodes) (rows[depth[n.id]] ??= []).push(n);
    this.cards = [];
    const layers = rows.map(layer => {
      const div = document.createElement('div');
      div.className = 'graph-row';
      for (const n of layer) div.append(this.#card(n));
      return div;
    });
    this.edgeLayer = document.createElementNS(SVG, 'svg');
    this.edgeLayer.classList.add('graph-edges');
    this.edgeLayer.setAttribute('aria-hidden', 'true');
    this.box.replaceChildren(this.edgeLayer, ...layers);
    requestAnimationFrame(() => this.#drawEdges());
  }

  #card(n) {
    const card = document.createElement('div');
    card.className = `node stage-${n.stage}`;
    card.dataset.id = n.id;
    card.dataset.stage = n.stage;
    if (n.param !== undefined) card.dataset.param = n.param;
    const head = document.createElement('div');
    head.className = 'node-head';
    const label = document.createElement('span');
    label.className = 'node-label';
    label.textContent = n.label;
    const op = document.createElement('span');
    op.className = 'node-op';
    op.textContent = n.op;
    op.title = t('web.graph.op');
    head.append(label, op);
    const body = document.createElement('div');
    body.className = 'node-body';
    card.append(head, body);
    this.cards[n.id] = { card, body, node: n };
    return card;
  }

  #show(values) {
    this.values = values;
    for (const { body, node } of this.cards) body.replaceChildren(...this.#body(node, values));
    const names = this.playground.run.parameterNames;
    const paramNode = p => this.structure.nodes.find(n => n.param === p);
    renderMaths(this.mathsBox, values.maths, this.playground.run.params, p => values.grads[paramNode(p)?.id]);
    if (names && this.structure) this.box.setAttribute('aria-description', t('web.graph.valuesAt', { iter: values.iter }));
    for (const done of this.valuesWaiters.splice(0)) done();
  }

  #body(node, values) {
    const scalar = node.shape[0] === 1 && node.shape[1] === 1;
    if (scalar) {
      return [line(t('web.graph.value'), values.values[node.id]), line(t('web.graph.grad'), values.grads[node.id], 'grad')];
    }
    const parts = [];
    const shape = document.createElement('span');
    shape.className = 'node-shape';
    shape.textContent = `${values.rows}×${node.shape[1]}`;
    parts.push(shape, sparkline(values.spark[node.id] ?? []));
    const row = values.row;
    if (row && row.values[node.id] !== null) {
      parts.push(line(t('web.graph.row', { index: row.index }), row.values[node.id], 'row'));
      if (row.grads[node.id] !== null) parts.push(line(t('web.graph.grad'), row.grads[node.id], 'grad row'));
    }
    return parts;
  }

  #drawEdges() {
    if (!this.edgeLayer || !this.structure || !this.isOpen) return;
    const origin = this.box.getBoundingClientRect();
    this.edgeLayer.setAttribute('width', origin.width);
    this.edgeLayer.setAttribute('height', origin.height);
    this.edgeLayer.replaceChildren();
    this.edgeLines = [];
    for (const [from, to] of this.structure.edges) {
      const a = this.cards[from].card.getBoundingClientRect(), b = this.cards[to].card.getBoundingClientRect();
      const path = document.createElementNS(SVG, 'line');
      path.setAttribute('x1', a.left + a.width / 2 - origin.left);
      path.setAttribute('y1', a.bottom - origin.top);
      path.setAttribute('x2', b.left + b.width / 2 - origin.left);
      path.setAttribute('y2', b.top - origin.top);
      path.dataset.from = from;
      path.dataset.to = to;
      this.edgeLayer.append(path);
      this.edgeLines.push(path);
    }
  }

  // ---- a hovered point ------------------------------------------------------------------------------------

  /** Follows the point under the pointer (or finger) on the plot through every node. */
  watchPlot(canvas) {
    const pick = event => {
      if (!this.isOpen) return;
      const view = this.playground.plot.view, points = this.playground.run.data?.points;
      if (!view || !points) return;
      const r = canvas.getBoundingClientRect();
      const px = event.clientX - r.left, py = event.clientY - r.top;
      let best = null, bestDistance = 14 * 14;
      for (let i = 0; i < points.x.length; i++) {
        const dx = view.x.toPixel(points.x[i]) - px, dy = view.y.toPixel(points.y[i]) - py;
        if (dx * dx + dy * dy < bestDistance) { bestDistance = dx * dx + dy * dy; best = i; }
      }
      this.#followRow(best);
    };
    canvas.addEventListener('pointermove', pick);
    canvas.addEventListener('pointerdown', pick);
    canvas.addEventListener('pointerleave', () => this.#followRow(null));
  }

  #followRow(row) {
    if (row === this.row) return;
    this.row = row;
    clearTimeout(this.rowTimer);
    this.rowTimer = setTimeout(() => this.#subscribe(), ROW_SEND_MS);
  }

  // ---- one step, walked ---------------------------------------------------------------------------------

  /** Step: with the panel open and values in, one update walked phase by phase; otherwise a plain step. */
  async step() {
    const run = this.playground.run;
    if (!this.isOpen || !this.values || this.walking || run.outcome || this.playground.running) {
      if (!this.walking) this.playground.step();
      return;
    }
    this.walking = true;
    this.box.classList.add('walking', 'grads-hidden');
    try {
      const lit = id => this.cards[id].card.classList.add('lit');
      for (const n of this.structure.nodes) if (n.stage === 'leaf') lit(n.id);
      for (const phase of ['predict', 'loss']) {
        this.steps.show(phase);
        for (const n of this.structure.nodes.filter(m => m.stage === phase)) {
          lit(n.id);
          await sleep(WALK_MS);
        }
      }
      this.steps.show('gradient');
      const loss = this.structure.nodes[this.structure.nodes.length - 1];
      this.cards[loss.id].card.classList.add('grad-shown');
      for (const line of [...(this.edgeLines ?? [])].reverse()) {
        line.classList.add('lit');
        this.cards[Number(line.dataset.from)].card.classList.add('grad-shown');
        await sleep(WALK_MS / 2);
      }
      this.steps.show('step');
      const arrived = new Promise(done => this.valuesWaiters.push(done));
      this.playground.step();
      await Promise.race([arrived, sleep(3000)]);
      await sleep(WALK_MS * 2);
    } finally {
      this.box.classList.remove('walking', 'grads-hidden');
      for (const { card } of this.cards) card.classList.remove('lit', 'grad-shown');
      for (const line of this.edgeLines ?? []) line.classList.remove('lit');
      this.walking = false;
      this.steps.show(this.playground.run.outcome ? 'stop' : 'repeat');
    }
  }
}

function line(name, value, kind = 'value') {
  const div = document.createElement('div');
  div.className = `node-${kind.split(' ')[0]}`;
  const k = document.createElement('span');
  k.className = 'node-key';
  k.textContent = name;
  const v = document.createElement('span');
  v.className = 'node-number';
  v.textContent = formatNumber(value);
  div.append(k, ' ', v);
  return div;
}

/** A tiny line of a vector's values: its shape at a glance. */
function sparkline(values) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('sparkline');
  svg.setAttribute('viewBox', '0 0 60 16');
  svg.setAttribute('aria-hidden', 'true');
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return svg;
  const lo = Math.min(...finite), hi = Math.max(...finite), span = hi - lo || 1;
  const points = values.map((v, i) => `${(i / (values.length - 1) * 58 + 1).toFixed(1)},${(15 - (v - lo) / span * 14).toFixed(1)}`);
  const poly = document.createElementNS(SVG, 'polyline');
  poly.setAttribute('points', points.join(' '));
  svg.append(poly);
  return svg;
}
