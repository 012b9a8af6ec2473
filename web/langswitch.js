/**
 * The page's language in its links (issue 19). The run is the same in every language, so the server's `query` for it
 * names none; the address bar, Copy link, the embed snippet and the exports add the page's, as the server's
 * `ExperimentCodec.encode(e, lang)` does. The language switch (`<nav class="lang-switch">`, one `a[data-lang]` a
 * language, drawn by the server) is kept on the run on screen, so switching language keeps the learner's settings.
 */
import { buildQuery, presetValues } from './state.js';

export class LanguageLinks {
  constructor(doc, boot) {
    this.links = [...doc.querySelectorAll('.lang-switch a[data-lang]')];
    this.boot = boot;
  }

  /** Points each link at the settings `values` (key → text, as the form gives them) in its own language. */
  update(values, loc = location) {
    for (const a of this.links) a.href = `${loc.pathname}?${languageQuery(this.boot, values, a.dataset.lang)}`;
  }
}

/**
 * `query` in `language`: `lang=` added when the link would not open in it anyway (its preset's language, else the
 * table's default); a `lang=` it had gives way.
 */
export function withLanguage(boot, query, language) {
  const parts = query.split('&').filter(part => part !== '' && !part.startsWith('lang='));
  const preset = new URLSearchParams(query).get('preset') ?? boot.presets[0].name;
  if (presetValues(boot, preset).lang === language) return parts.join('&');
  return [...parts, `lang=${encodeURIComponent(language)}`].join('&');
}

/**
 * The shortest query for `values` in `language`, which it always names, as the server's switch does: left out (as
 * the preset's own language), a browser that asks for another would get that one instead.
 */
export function languageQuery(boot, values, language) {
  const rest = buildQuery(boot, { ...values, lang: language }).split('&').filter(part => !part.startsWith('lang='));
  return [...rest, `lang=${encodeURIComponent(language)}`].join('&');
}
