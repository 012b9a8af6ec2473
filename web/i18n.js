/**
 * The page's words in the page's language (issue 19): the server puts every `web.*` key of the language's catalogue
 * (src/main/resources/i18n/LANG.properties) in the boot block as `messages`, beside `lang`; `t` looks one up. Numbers
 * are never localised here: they keep the notebook's decimal point (format.js), so they match what the learner's own
 * code prints.
 */

/** The boot block's `lang` and `messages`, read once; a page without a boot block has no words and says so. */
const words = readWords();

function readWords() {
  const block = document.getElementById('boot');
  let boot = {};
  try {
    boot = block ? JSON.parse(block.textContent) : {};
  } catch {
    boot = {}; // a broken block: every key then shows itself, and says so in the console
  }
  return Object.freeze({
    lang: boot.lang || document.documentElement.lang || 'en',
    messages: Object.freeze({ ...(boot.messages ?? {}) }),
    reported: new Set(), // keys already logged as missing: one console line each, not one a frame
  });
}

/**
 * The message `key` with each `{name}` replaced by `params[name]` (numbers already formatted by the caller). A key
 * the catalogue lacks comes back as the key itself, visibly, and is logged once, so a test sees it.
 */
export function t(key, params = {}) {
  const text = words.messages[key];
  if (text === undefined) {
    report(`missing message ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (params[name] !== undefined) return String(params[name]);
    report(`message ${key} has no value for {${name}}`);
    return whole;
  });
}

/** The page's language: `en`, `es`, … as the server chose it (the link's `lang`, else the browser's Accept-Language). */
export function lang() {
  return words.lang;
}

function report(problem) {
  if (words.reported.has(problem)) return;
  words.reported.add(problem);
  console.error(`i18n: ${problem}`);
}
