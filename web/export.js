/**
 * The Export menu: every link is `/export/FILE?` + the run's query (own points included), kept in step with the run
 * the page shows; the picture also follows the page's theme. Closes on Escape and when a click lands elsewhere.
 */
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

  /** Points every link at the run of `query` (a race's every export takes every lane); `theme` goes to the picture. */
  update(query, theme) {
    for (const a of this.links) {
      const themed = a.dataset.export === 'plot.png' && theme ? `&theme=${encodeURIComponent(theme)}` : '';
      a.href = `/export/${a.dataset.export}?${query}${themed}`;
    }
  }
}
