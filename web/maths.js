/**
 * The gradient written out with the browser's own MathML (no script library): for each parameter,
 * ∂L/∂pⱼ = (2/n)·Σᵢ (ŷᵢ − yᵢ)·φᵢ, then the same with this frame's parameters in, then the sum's number and the
 * result. The server reads φ off the graph and adds the sum up apart from the backward pass (graph.GradientMaths).
 */
import { formatNumber } from './format.js';
import { t } from './i18n.js';

const NS = 'http://www.w3.org/1998/Math/MathML';
const DATA_NAMES = new Set(['x', 'y', 'ŷ']);

function el(tag, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const c of children) node.append(c);
  return node;
}
const mi = t => el('mi', t);
const mn = t => el('mn', t);
const mo = t => el('mo', t);
const row = (...c) => el('mrow', ...c);
const sub = (base, s) => el('msub', base, s);

/** A number as MathML; a factor in brackets when negative, so that `x·(−0.5)` reads right. */
function number(v, factor = true) {
  const text = formatNumber(v).replace('-', '−');
  return factor && v < 0 ? row(mo('('), mn(text), mo(')')) : mn(text);
}

/**
 * An expression the server wrote (`x²·p0 + x·p1 + p2`) as MathML: data names get the row index i, parameters their
 * index, or their value when `params` is given.
 */
export function expression(text, params = null) {
  const out = [];
  const tokens = text.match(/p\d+|ŷ|[A-Za-z]+|\d+(?:\.\d+)?|²|\^-?[\d.]+|\S/g) ?? [];
  for (const t of tokens) {
    if (/^p\d+$/.test(t)) out.push(params ? number(params[Number(t.slice(1))]) : sub(mi('p'), mn(t.slice(1))));
    else if (DATA_NAMES.has(t)) out.push(sub(mi(t), mi('i')));
    else if (t === '²' || t.startsWith('^')) out.push(power(out.pop() ?? mi(''), mn(t === '²' ? '2' : t.slice(1))));
    else if (/^\d/.test(t)) out.push(mn(t));
    else if (/^[A-Za-z]+$/.test(t)) out.push(mi(t));
    else out.push(mo(t === '·' ? '·' : t));
  }
  return row(...out);
}

/** `base` raised to `exponent`; xᵢ² is one msubsup, so the 2 sits over the i rather than after it. */
function power(base, exponent) {
  if (base.localName === 'msub') return el('msubsup', base.firstChild, base.lastChild, exponent);
  return el('msup', base, exponent);
}

function fraction(a, b) {
  return el('mfrac', a, b);
}

function partial(name) {
  const index = name.replace(/^p/, '');
  return fraction(row(mo('∂'), mi('L')), row(mo('∂'), sub(mi('p'), mn(index))));
}

/** One factor `(ŷᵢ − yᵢ)·φᵢ`, with ŷ written out when `prediction` is given. */
function summand(prediction, factor, params) {
  const yhat = prediction ? expression(prediction, params) : expression('ŷ');
  const parts = [mo('('), yhat, mo('−'), sub(mi('y'), mi('i')), mo(')')];
  if (factor !== '1') parts.push(mo('·'), expression(factor));
  return row(...parts);
}

const sum = body => row(el('munder', mo('Σ'), mi('i')), body);

/**
 * Fills `box` with one block of maths per parameter; `gradOf(param)` is what the graph's node for that parameter
 * holds, written beside the result so the two can be compared.
 */
export function renderMaths(box, maths, params, gradOf) {
  box.replaceChildren();
  if (!maths || !params) return;
  const twoOverN = fraction(mn('2'), mn(String(maths.n)));
  for (const term of maths.terms) {
    const math = el('math', row(
      partial(term.name), mo('='), fraction(mn('2'), mi('n')), mo('·'), sum(summand(null, term.factor)),
      mo('='), twoOverN.cloneNode(true), mo('·'), sum(summand(maths.formula, term.factor, params)),
      mo('='), twoOverN.cloneNode(true), mo('·'), number(term.sum),
      mo('='), number(term.value, false)));
    math.setAttribute('display', 'block');
    const line = document.createElement('div');
    line.className = 'maths-line';
    line.dataset.param = String(term.param);
    line.dataset.value = String(term.value);
    const note = document.createElement('p');
    note.className = 'maths-note';
    note.textContent = t('web.maths.node', { name: term.name, grad: formatNumber(gradOf(term.param)) });
    line.append(math, note);
    box.append(line);
  }
}
