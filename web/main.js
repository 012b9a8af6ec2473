/**
 * The full page. Its script stands right after the plot in the page, and when it is a bundle it runs there as a
 * classic script, while the browser waits with the rest of the page unparsed: it draws the run the page carries
 * (the boot block, just before it) at once, so the first curve waits neither for the panels and the form below to be
 * parsed and laid out, nor for the end of the document (issue #18). The rest is wired once the page is parsed
 * (page.js): at the moment an ES module would have run, before `DOMContentLoaded`. Served as modules one by one,
 * it runs then anyway.
 */
import { readBoot } from './state.js';
import { Playground } from './playground.js';
import { applyStoredTheme } from './theme.js';
import { wirePage } from './page.js';

applyStoredTheme();
const boot = readBoot();
const playground = new Playground(boot, { plot: document.getElementById('plot') });
playground.drawBoot(); // the first curve; its events wait for connect()

if (document.readyState === 'loading') {
  // 'interactive' comes just before the deferred scripts and DOMContentLoaded, whose listeners then find the page wired
  document.addEventListener('readystatechange', () => wirePage(boot, playground), { once: true });
} else {
  wirePage(boot, playground);
}
