/**
 * The Export menu: every link is `/export/FILE?` + the run's query (own points included), kept in step with the run
 * the page shows; the picture also follows the page's theme. Closes on Escape and when a click lands elsewhere.
 */
/** The export that replays one run, not a race's lanes (run.gif animates every lane). */
const SINGLE_RUN_ONLY = ['replay.html'];

export class ExportMenu {
  constructor(root) {
    this.root = root;
    this.links = root ? [...root.querySelectorAll('a[data-export]')] : [];
    if (!root) return;
    root.addEventListener('keydown', event => {
      if (event.key !== 'Escape' || !root.open) return;
      root.open = false;
      root.querySelector('summary').focus();
    });
    document.addEventListener('click', event => {
      if (root.open && !root.contains(event.target)) root.open = false;
    });
  }

  /**
   * Points every link at the run of `query`; `theme` (`dark` or `light`) goes to the picture. A race (`race` true)
   * hides the replay, which plays single runs only (it answers a race with a 400).
   */
  update(query, theme, race = false) {
    for (const a of this.links) {
      (a.closest('li') ?? a).hidden = race && SINGLE_RUN_ONLY.includes(a.dataset.export);
      const themed = a.dataset.export === 'plot.png' && theme ? `&theme=${encodeURIComponent(theme)}` : '';
      a.href = `/export/${a.dataset.export}?${query}${themed}`;
    }
  }
}
