/**
 * The gestures that edit points on the plot, with mouse, pen or touch (pointer events): a click on empty space adds
 * a point, a drag moves one, a right-click or a long press removes one, and Delete/Backspace removes the selected
 * one. Reads pixels back through the plot's last viewport; says what was meant through callbacks and knows nothing
 * of the store or the run.
 */

/** How near (CSS px) a pointer must come to a point to take it: a finger is coarser than a mouse. */
const GRAB_RADIUS = { mouse: 9, pen: 12, touch: 18 };
/** A press that moves less than this (CSS px) is a click or a long press, not a drag. */
const SLOP = 5;
/** How long a touch must rest on a point to remove it (ms), as a long press does on phones. */
const LONG_PRESS_MS = 550;

export class PointGestures {
  /**
   * @param canvas the plot's canvas
   * @param viewOf () => the plot's last viewport (scale.js), or null before the first drawing
   * @param pointsOf () => the points on screen, {x:number[], y:number[]}, or null
   * @param on {{add(x,y), moveStart(i), move(i,x,y), moveEnd(i, moved), remove(i), select(i)}}
   */
  constructor(canvas, viewOf, pointsOf, on) {
    this.canvas = canvas;
    this.viewOf = viewOf;
    this.pointsOf = pointsOf;
    this.on = on;
    this.press = null;
    this.selected = null;
    canvas.tabIndex = 0;
    canvas.addEventListener('pointerdown', e => this.down(e));
    canvas.addEventListener('pointermove', e => this.moveTo(e));
    canvas.addEventListener('pointerup', e => this.up(e));
    canvas.addEventListener('pointercancel', () => this.cancel());
    canvas.addEventListener('contextmenu', e => this.contextMenu(e));
    canvas.addEventListener('keydown', e => this.key(e));
  }

  /** The canvas pixel (CSS px, from its top-left) under an event. */
  local(event) {
    const r = this.canvas.getBoundingClientRect();
    return [event.clientX - r.left, event.clientY - r.top];
  }

  /** The index of the point nearest (px, py) within the grab radius, or null. */
  pointAt(px, py, pointerType) {
    const view = this.viewOf(), points = this.pointsOf();
    if (!view || !points) return null;
    const radius = GRAB_RADIUS[pointerType] ?? GRAB_RADIUS.mouse;
    let best = null, bestD2 = radius * radius;
    for (let i = 0; i < points.x.length; i++) {
      const dx = view.x.toPixel(points.x[i]) - px, dy = view.y.toPixel(points.y[i]) - py;
      const d2 = dx * dx + dy * dy;
      if (d2 <= bestD2) { best = i; bestD2 = d2; }
    }
    return best;
  }

  /** The data under (px, py), held inside the plot's box while dragging; null outside it when not. */
  dataAt(px, py, clamp) {
    const view = this.viewOf();
    if (!view) return null;
    if (clamp) {
      const { box } = view;
      px = Math.min(box.right, Math.max(box.left, px));
      py = Math.min(box.bottom, Math.max(box.top, py));
    }
    return view.dataAt(px, py);
  }

  down(event) {
    if (event.button !== 0 || !this.viewOf()) return;
    this.canvas.focus({ preventScroll: true }); // so Delete reaches it (the default focus is cancelled below)
    const [px, py] = this.local(event);
    const i = this.pointAt(px, py, event.pointerType);
    this.press = { id: event.pointerId, px, py, i, moved: false, done: false };
    if (i !== null) {
      this.select(i);
      this.canvas.setPointerCapture?.(event.pointerId);
      if (event.pointerType === 'touch') {
        this.press.timer = setTimeout(() => {
          if (this.press && !this.press.moved) {
            this.press.done = true;
            this.on.remove(i);
          }
        }, LONG_PRESS_MS);
      }
    }
    event.preventDefault(); // no text selection, no scrolling the page from a drag that started on the plot
  }

  moveTo(event) {
    const [px, py] = this.local(event);
    const p = this.press;
    if (!p || p.id !== event.pointerId) {
      this.canvas.style.cursor = this.pointAt(px, py, event.pointerType) !== null ? 'grab'
        : this.dataAt(px, py, false) ? 'crosshair' : '';
      return;
    }
    if (p.done || p.i === null) return;
    if (!p.moved && Math.hypot(px - p.px, py - p.py) < SLOP) return;
    if (!p.moved) {
      p.moved = true;
      clearTimeout(p.timer);
      this.canvas.style.cursor = 'grabbing';
      this.on.moveStart(p.i);
    }
    const at = this.dataAt(px, py, true);
    if (at) this.on.move(p.i, at[0], at[1]);
  }

  up(event) {
    const p = this.press;
    if (!p || p.id !== event.pointerId) return;
    this.press = null;
    clearTimeout(p.timer);
    this.canvas.style.cursor = '';
    if (p.done) return;
    if (p.i !== null) {
      if (p.moved) this.on.moveEnd(p.i);
      return;
    }
    const [px, py] = this.local(event);
    if (Math.hypot(px - p.px, py - p.py) >= SLOP) return;
    const at = this.dataAt(px, py, false);
    if (at) this.on.add(at[0], at[1]);
  }

  cancel() {
    const p = this.press;
    this.press = null;
    if (!p) return;
    clearTimeout(p.timer);
    if (p.moved) this.on.moveEnd(p.i);
  }

  contextMenu(event) {
    const [px, py] = this.local(event);
    const i = this.pointAt(px, py, 'mouse');
    if (i === null) return; // the browser's menu, as anywhere else
    event.preventDefault();
    this.press = null;
    this.on.remove(i);
  }

  key(event) {
    if ((event.key !== 'Delete' && event.key !== 'Backspace') || this.selected === null) return;
    event.preventDefault();
    const i = this.selected;
    this.select(null);
    this.on.remove(i);
  }

  /** Marks point `i` (or none) as the one Delete removes. */
  select(i) {
    this.selected = i;
    this.on.select(i);
  }
}
