/**
 * The race's small leaderboard (SPEC §8): for each lane, in its colour, the iteration at which its loss over all
 * points came within 1% of the least-squares loss, or "diverged at K", or "not yet". Made by the page's script
 * under the readout, so pages without a race carry nothing.
 */
import { formatNumber } from './format.js';
import { t } from './i18n.js';

export class Leaderboard {
  /**
   * `compact` (the embed): the lanes side by side in one wrapping line, each verdict short with the whole sentence as
   * its tooltip, and the title kept for screen readers only, so a race fits the blog's frame with the plot.
   */
  constructor(doc, { compact = false } = {}) {
    this.doc = doc;
    this.compact = compact;
    this.el = null;
  }

  /** The board's element, made on first use under the readout (or the plot, in an embed). */
  element() {
    if (this.el) return this.el;
    const anchor = this.doc.querySelector('.readout') ?? this.doc.getElementById('plot');
    this.el = this.doc.createElement('section');
    this.el.id = 'leaderboard';
    this.el.className = this.compact ? 'leaderboard compact' : 'leaderboard';
    this.el.setAttribute('aria-label', t('web.race.board'));
    anchor?.insertAdjacentElement('afterend', this.el);
    return this.el;
  }

  /** A view of the playground (playground.addView): the board while a race is on screen, nothing otherwise. */
  render(run) {
    if (run.race) this.show(run.race.standings()); else this.hide();
  }

  hide() {
    this.el?.classList.add('hidden');
  }

  /** Shows `standings` (race.js): one row a lane. */
  show(standings) {
    const el = this.element();
    el.classList.remove('hidden');
    const rows = standings.map((s, k) => {
      const row = this.doc.createElement('li');
      row.className = `lane lane-${k}` + (s.outcome === 'diverged' ? ' diverged' : '') + (s.reachedAt != null ? ' arrived' : '');
      row.style.setProperty('--swatch', s.color);
      const name = this.doc.createElement('code');
      name.textContent = s.lane;
      const verdict = this.doc.createElement('span');
      verdict.className = 'verdict';
      const [full, short] = s.outcome === 'diverged' ? [t('web.race.diverged', { iter: s.divergedAt })]
        : s.reachedAt != null ? [t('web.race.arrived', { iter: s.reachedAt }), t('web.race.arrivedShort', { iter: s.reachedAt })]
          : [t('web.race.notYet')];
      verdict.textContent = this.compact && short ? short : full;
      if (this.compact && short) row.title = full;
      const loss = this.doc.createElement('span');
      loss.className = 'loss';
      loss.textContent = s.fullLoss != null && s.outcome !== 'diverged' ? `L = ${formatNumber(s.fullLoss)}` : '';
      row.append(name, verdict, loss);
      return row;
    });
    const list = this.doc.createElement('ol');
    list.append(...rows);
    const title = this.doc.createElement('h2');
    title.textContent = t('web.race.title');
    if (this.compact) title.className = 'visually-hidden';
    el.replaceChildren(title, list);
  }
}
