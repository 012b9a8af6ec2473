/**
 * The experiment as a link (SPEC §1): reads the page's boot data (the server's parameter table, presets and
 * models) and writes the shortest query for a set of form values, the same way the server's codec does —
 * the preset, then each setting that differs from what the preset gives, in table order.
 */

/** The JSON the server put in `<script type="application/json" id="boot">`. */
export function readBoot(doc = document) {
  return JSON.parse(doc.getElementById('boot').textContent);
}

/** Keys that describe a run (and so belong in a link), in table order. */
export function linkKeys(boot) {
  return boot.parameters.map(p => p.key).filter(k => k !== 'every');
}

/** What each setting is when only `presetName` is given: the table's defaults under the preset's settings. */
export function presetValues(boot, presetName) {
  const values = {};
  for (const p of boot.parameters) values[p.key] = p.default;
  const preset = boot.presets.find(p => p.name === presetName) ?? boot.presets[0];
  Object.assign(values, preset.settings, { preset: preset.name });
  return values;
}

/** Whether two texts mean the same setting (`0.10` and `0.1` do; `random` and an empty start do). */
export function sameSetting(boot, key, a, b) {
  const p = boot.parameters.find(q => q.key === key);
  const ta = String(a ?? '').trim(), tb = String(b ?? '').trim();
  if (ta === tb) return true;
  if (!p) return false;
  if (p.kind === 'whole' || p.kind === 'real') return ta !== '' && tb !== '' && Number(ta) === Number(tb);
  if (p.kind === 'flag') return truthy(ta) === truthy(tb);
  if (p.kind === 'list') {
    const la = list(ta), lb = list(tb);
    return la.length === lb.length && la.every((v, i) => v === lb[i]);
  }
  return false;
}

/** The shortest query for `values` (a key → text map), without a leading `?`. */
export function buildQuery(boot, values) {
  const presetName = values.preset || boot.presets[0].name;
  const base = presetValues(boot, presetName);
  const parts = [`preset=${encodeURIComponent(presetName)}`];
  for (const key of linkKeys(boot)) {
    if (key === 'preset' || values[key] === undefined) continue;
    if (!sameSetting(boot, key, values[key], base[key])) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(values[key]).trim())}`);
    }
  }
  return parts.join('&');
}

/** The model's parameter count, from the boot table. */
export function parameterCount(boot, modelName) {
  return boot.models.find(m => m.name === modelName)?.params.length ?? 0;
}

/** The numbers of an `init` text, or an empty list for `random`/empty. */
export function list(text) {
  const t = String(text ?? '').trim();
  if (t === '' || t === 'random') return [];
  return t.split(',').map(Number);
}

/** A page address for `path` with `query` on this origin. */
export function addressFor(path, query, loc = location) {
  return `${loc.origin}${path}${query ? '?' + query : ''}`;
}

function truthy(t) {
  return t === '1' || t === 'true';
}
