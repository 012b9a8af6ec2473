/**
 * The one way the playground writes a number a person reads (loss, parameters, gradients, log lines):
 * four significant digits, an exponent when the number is huge or tiny, and a dash for anything not finite,
 * so NaN never reaches the screen.
 */
export function formatNumber(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  // toPrecision(4) takes an exponent itself from 10^4 on (12345 → "1.235e+4"): written as the larger ones are, 1.235e4
  const [mantissa, exponent] = (a >= 1e5 || a < 1e-3 ? v.toExponential(3) : v.toPrecision(4)).split('e');
  return exponent === undefined ? trimZeros(mantissa) : `${trimZeros(mantissa)}e${Number(exponent)}`;
}

/** A list of parameters, named: `p0 = 2.98, p1 = 2.51`. */
export function formatParams(names, values) {
  if (!values) return '—';
  return values.map((v, i) => `${names[i] ?? 'p' + i} = ${formatNumber(v)}`).join(', ');
}

/** A number for a form field or a link: the shortest text that reads back the same (1e-5, 0.012). */
export function formatSetting(v) {
  if (!Number.isFinite(v)) return String(v);
  const s = String(v);
  return s.includes('e') ? s.replace('e+', 'e') : s;
}

function trimZeros(text) {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
