/**
 * A first look at a pasted table, enough to offer column pickers: the separator (tab, else semicolon, else comma,
 * as the server reads it), and each column's header name and whether its first data cell is a number. The server
 * does the real parsing and says exactly which line and column it refuses.
 */
export function sniffColumns(text) {
  const lines = String(text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter(l => l.trim() !== '').slice(0, 2);
  if (lines.length === 0) return [];
  const separator = lines[0].includes('\t') ? '\t' : lines[0].includes(';') ? ';' : ',';
  const decimalComma = separator !== ',';
  const cells = line => line.split(separator).map(c => c.trim().replace(/^"(.*)"$/, '$1'));
  const isNumber = c => c !== '' && Number.isFinite(Number(decimalComma ? c.replace(',', '.') : c));
  const first = cells(lines[0]);
  const header = !first.every(isNumber);
  const data = header ? (lines[1] ? cells(lines[1]) : []) : first;
  return first.map((c, i) => ({ name: header ? c : null, numeric: isNumber(data[i] ?? '') }));
}
