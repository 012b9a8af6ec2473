/**
 * One live run on screen: the socket, the run's state and its drawing, and the calls a person or a script
 * makes (play, pause, step, reset, restart). The full page and the embed both wire one of these.
 * Emits events: `data`, `frame`, `outcome`, `running`, `status`, `error`, and `message` for every message. Read `run`, `query` and `running`;
 * change them only through the methods. A call made before the run is there (the socket still opening) is
 * kept and applied once it is: `running` says what was asked, whatever the run's first message says.
 *
 * The page's boot block may carry the socket's first two messages (`boot.live`): the run is then on screen at once,
 * and every socket it opens says `have=KEY` for the points it holds, so a `data` message for the same points comes
 * without them (docs/SOCKET.md).
 */
import { LiveConnection } from './socket.js';
import { Run } from './run.js';
import { Plot } from './plot.js';
import { backingSize } from './axes.js';
import { LossChart } from './losschart.js';
import { scenes } from './scene.js';
import { plotColors } from './theme.js';
import { takeData, takeFrame, takeOutcome, laneStandings } from './race.js';
import { decodePoints } from './points.js';

export class Playground extends EventTarget {
  #query;
  #running = false;
  #views = []; // more views drawn with the plot: each has render(run, colors)
  #awaitingData = false; // a socket was opened or a restart sent, and its `data` message has not come
  #askedAhead = false; // and a control was sent before it: `running` is then ours, not the message's
  #boot;
  #held = null; // {key, points}: the points the server last sent us (not an edit's working copy), by their key
  #exactWaiters = []; // calls of exactPoints() waiting for the `points` message
  #holding = false; // the boot run is being put on screen: its events wait in #bootEvents
  #bootEvents = []; // the boot run's events, until showBoot() sends them
  #stale = false; // something changed since the last drawing
  #inFrame = false; // drawing in an animation frame's callback: the frame paints it
  #curveShown = false; // a curve was drawn and `sgd:first-curve` marked

  /** @param boot the page's boot data; @param canvases {{plot: HTMLCanvasElement}} (a loss chart joins with attachLossChart) */
  constructor(boot, canvases) {
    super();
    this.#query = boot.query;
    this.#boot = boot;
    this.run = new Run();
    this.resuming = false;
    this.connected = false;
    this.plot = new Plot(canvases.plot);
    this.lossChart = null;
    this.renderQueued = false;
    this.connection = new LiveConnection({
      onMessage: m => this.receive(m),
      onStatus: s => this.statusChanged(s),
      resumeQuery: () => this.resumeQuery(),
    });
    this.#watch(canvases.plot);
  }

  /** The loss chart, drawn with the plot from the next frame on: the page's, once it is parsed (page.js's wirePage). */
  attachLossChart(canvas) {
    this.lossChart = new LossChart(canvas);
    this.#watch(canvas);
    this.requestRender();
  }

  #watch(canvas) {
    if ('ResizeObserver' in window) watchSize(canvas, () => this.requestRender());
  }

  /** The link of the run on screen, without a leading `?`. */
  get query() {
    return this.#query;
  }

  /** Whether the run is playing (or asked to, before the socket answers). */
  get running() {
    return this.#running;
  }

  /** Another view drawn with the plot, from the run: anything with render(run, colors). */
  addView(view) {
    this.#views.push(view);
  }

  /**
   * Draws the run the page was rendered with (the boot block), paused at frame 0, at once: before any listener is
   * wired, so nothing the page writes first makes the drawing wait for a layout (issue #18). Its events wait for
   * showBoot() or connect(). Does nothing when the page carries no run (its points too many to inline).
   */
  drawBoot() {
    const live = this.#boot.live;
    if (!live || this.run.data) return;
    this.#holding = true;
    this.receive({ ...live.data, running: false });
    this.receive(live.frame);
    this.#holding = false;
    this.render();
  }

  /**
   * Puts the boot run on screen (drawBoot()) and sends its events (`data`, `frame`, `running`, `message`), without
   * the socket; false when the page carries no run.
   */
  showBoot() {
    this.drawBoot();
    this.#sendBootEvents();
    return Boolean(this.#boot.live);
  }

  /** The boot run's events, if drawBoot() still holds them: before any later event, so listeners see them in order. */
  #sendBootEvents() {
    for (const event of this.#bootEvents.splice(0)) this.dispatchEvent(event);
  }

  /**
   * Opens the socket; the run starts playing when `play` is true (or play() was called before), else waits at
   * frame 0. A call made before it that opened a socket of its own (restart(), reset()) is kept: that socket stays.
   */
  connect(play) {
    const shown = this.showBoot();
    this.#running = play || this.#running;
    if (this.connection.isOpen || this.connection.isOpening) return;
    this.resuming = shown; // the socket's `data` message is then for the run on screen: keep it
    this.#open(this.#query + (this.#running ? '' : '&paused=1'));
  }

  #open(query) {
    this.#awaitingData = true;
    this.#askedAhead = false;
    this.connection.open(this.#saysWhatItHas(query));
  }

  /**
   * `query` with `have=KEY` for the points we hold, so the server does not send them again; `have=` when we hold
   * none yet still says we keep what it sends, so a reset does not bring them twice.
   */
  #saysWhatItHas(query) {
    return `${query}&have=${encodeURIComponent(this.#held?.key ?? '')}`;
  }

  /** The run's points with every double exact (those of a big set come first on a 16-bit grid): for editing them. */
  exactPoints() {
    const held = this.#held;
    if (!held || held.points.exact) return Promise.resolve(held?.points ?? null);
    return new Promise(resolve => {
      this.#exactWaiters.push(resolve);
      if (this.#exactWaiters.length === 1 && !this.connection.send({ type: 'points' })) this.#settleExact(null);
    });
  }

  #settleExact(points) {
    for (const resolve of this.#exactWaiters.splice(0)) resolve(points);
  }

  /** Sends (or, while the socket opens, queues) a control; false when no socket is there or coming. */
  #control(message) {
    if (this.#awaitingData) this.#askedAhead = true;
    return this.connection.send(message);
  }

  disconnect() {
    this.connection.close();
    this.connected = false;
  }

  play() {
    if (this.run.outcome) {
      this.restart(this.query, true);
      return;
    }
    this.setRunning(true);
    this.#control({ type: 'resume' });
  }

  pause() {
    this.setRunning(false);
    this.#control({ type: 'pause' });
  }

  toggle() {
    if (this.running) this.pause(); else this.play();
  }

  step() {
    if (this.run.outcome) return;
    this.setRunning(false);
    this.#control({ type: 'step' });
  }

  reset() {
    this.setRunning(false);
    if (!this.#control({ type: 'reset' })) this.#open(this.query + '&paused=1');
  }

  /** A new experiment on the same socket (or, while none is open, a new socket); it plays when `play` is true. */
  restart(query, play = this.#running) {
    this.#query = query;
    this.setRunning(play);
    const message = query + (play ? '' : '&paused=1');
    if (!this.connection.isOpen) {
      this.#open(message);
      return;
    }
    this.connection.send({ type: 'restart', query: this.#saysWhatItHas(message) });
    this.#awaitingData = true;
    this.#askedAhead = false;
  }

  /** A new animation rate for the same run; `query` is its link at that speed (the frames do not change). */
  setSpeed(updatesPerSecond, query) {
    this.#query = query;
    this.#control({ type: 'speed', value: updatesPerSecond });
  }

  /** What SPEC §5 promises scripts. */
  state() {
    const r = this.run;
    return {
      iter: r.iter,
      loss: r.loss,
      params: r.params ? [...r.params] : null,
      grad: r.grad ? [...r.grad] : null,
      steps: r.steps,
      running: this.running,
      outcome: r.outcome,
      divergedAt: r.divergedAt,
      message: r.message,
      query: this.query,
      connected: this.connected,
      resumedWith: this.resumedWith ?? null,
      lanes: laneStandings(r),
    };
  }

  /** The query that picks up where we were after a dropped connection. */
  resumeQuery() {
    this.resuming = true;
    this.#awaitingData = true;
    this.#askedAhead = false;
    let q = this.query;
    if (this.run.iter > 0) q += `&at=${this.run.iter}`;
    if (!this.running || this.run.outcome) q += '&paused=1';
    this.resumedWith = q;
    return this.#saysWhatItHas(q);
  }

  receive(message) {
    switch (message.type) {
      case 'data': {
        if (message.points) this.#held = { key: message.pointsKey, points: decodePoints(message.points) };
        else if (this.#held?.key !== message.pointsKey) { // never sent: we only say what we hold
          this.#held = null;
          this.#open(this.#query + (this.#running ? '' : '&paused=1'));
          return;
        }
        message = { ...message, points: this.#held.points };
        const sameRun = this.resuming && this.run.data?.query === message.query;
        this.resuming = false;
        this.#query = message.query;
        takeData(this.run, message, sameRun);
        if (!sameRun && !this.#askedAhead) this.setRunning(Boolean(message.running));
        this.#awaitingData = this.#askedAhead = false;
        this.emit('data', message);
        break;
      }
      case 'frame': {
        takeFrame(this.run, message);
        this.emit('frame', message);
        break;
      }
      case 'done':
      case 'diverged':
        takeOutcome(this.run, message);
        this.setRunning(false);
        this.emit('outcome', message);
        break;
      case 'error':
        this.emit('error', message);
        break;
      case 'points': // the exact points, asked for by exactPoints()
        if (this.#held?.key === message.pointsKey) {
          const exact = { ...message.points, exact: true };
          if (this.run.data?.points === this.#held.points) this.run.data = { ...this.run.data, points: exact };
          this.#held = { key: message.pointsKey, points: exact };
          this.#settleExact(exact);
        }
        break;
      default:
        break; // a newer server's message we do not know yet
    }
    this.emit('message', message); // every message, once the run has taken it: for panels that read their own fields
    this.requestRender();
  }

  statusChanged(status) {
    this.connected = status.state === 'open';
    if (status.state === 'lost' || status.state === 'closed') this.#settleExact(null); // the answer will not come: ask again
    this.emit('status', status);
  }

  setRunning(running) {
    if (this.#running === running) return;
    this.#running = running;
    this.emit('running', { running });
  }

  /** Redraws on the next animation frame; many frames arriving in one frame draw once, and none drawn since. */
  requestRender() {
    this.#stale = true;
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.#inFrame = true;
      try {
        if (this.#stale) this.render();
      } finally {
        this.#inFrame = false;
      }
    });
  }

  render() {
    this.#stale = false;
    if (!this.run.data) return;
    const colors = plotColors();
    const { plot, loss } = scenes(this.run, colors);
    this.plot.render(plot);
    if (this.lossChart) this.lossChart.render(loss);
    for (const view of this.#views) view.render(this.run, colors);
    if (plot.curve && !this.#curveShown) {
      this.#curveShown = true;
      markFirstCurve(this.#inFrame);
    }
  }

  emit(type, detail) {
    const event = new CustomEvent(type, { detail });
    if (this.#holding) {
      this.#bootEvents.push(event);
      return;
    }
    this.#sendBootEvents(); // a call before connect() (a script's, a click's) comes after the boot run
    this.dispatchEvent(event);
  }
}

/**
 * Marks `sgd:first-curve` (for bench/first-curve and the tests) at the frame that paints the first curve: this one
 * when it was drawn in an animation frame's callback, else the next, which is when it shows.
 */
function markFirstCurve(inFrame) {
  const mark = () => performance.mark('sgd:first-curve');
  if (inFrame) mark(); else requestAnimationFrame(mark);
}

/**
 * Calls `changed` when the canvas's size in device pixels changes: a new box, or a new zoom or screen density; not
 * when it was last drawn at the size its box now needs (the observer's first report, just after the boot run's
 * drawing, is that).
 */
function watchSize(canvas, changed) {
  const watcher = new ResizeObserver(() => {
    const { w, h } = backingSize(canvas);
    if (w !== canvas.width || h !== canvas.height) changed();
  });
  try {
    watcher.observe(canvas, { box: 'device-pixel-content-box' });
  } catch {
    watcher.observe(canvas); // a browser without device-pixel boxes: CSS pixels will do
  }
}
