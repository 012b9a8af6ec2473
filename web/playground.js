/**
 * One live run on screen: the socket, the run's state and its drawing, and the calls a person or a script
 * makes (play, pause, step, reset, restart). The full page and the embed both wire one of these.
 * Emits events: `data`, `frame`, `outcome`, `running`, `status`, `error`, and `message` for every message. Read `run`, `query` and `running`;
 * change them only through the methods. A call made before the run is there (the socket still opening) is
 * kept and applied once it is: `running` says what was asked, whatever the run's first message says.
 */
import { LiveConnection } from './socket.js';
import { Run } from './run.js';
import { Plot } from './plot.js';
import { LossChart } from './losschart.js';
import { plotScene, lossScene } from './scene.js';
import { plotColors } from './theme.js';
import { Race } from './race.js';

export class Playground extends EventTarget {
  #query;
  #running = false;
  #views = []; // more views drawn with the plot: each has render(run, colors)
  #awaitingData = false; // a socket was opened or a restart sent, and its `data` message has not come
  #askedAhead = false; // and a control was sent before it: `running` is then ours, not the message's

  /** @param boot the page's boot data; @param canvases {{plot: HTMLCanvasElement, loss?: HTMLCanvasElement}} */
  constructor(boot, canvases) {
    super();
    this.#query = boot.query;
    this.run = new Run();
    this.resuming = false;
    this.connected = false;
    this.plot = new Plot(canvases.plot);
    this.lossChart = canvases.loss ? new LossChart(canvases.loss) : null;
    this.renderQueued = false;
    this.connection = new LiveConnection({
      onMessage: m => this.receive(m),
      onStatus: s => this.statusChanged(s),
      resumeQuery: () => this.resumeQuery(),
    });
    for (const canvas of [canvases.plot, canvases.loss]) {
      if (canvas && 'ResizeObserver' in window) watchSize(canvas, () => this.requestRender());
    }
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

  /** Opens the socket; the run starts playing when `play` is true, else waits at frame 0. */
  connect(play) {
    this.#running = play;
    this.#open(this.#query + (play ? '' : '&paused=1'));
  }

  #open(query) {
    this.#awaitingData = true;
    this.#askedAhead = false;
    this.connection.open(query);
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
    this.connection.send({ type: 'restart', query: message });
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
      lanes: r.race ? r.race.standings().map(({ color, ...s }) => s) : null,
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
    return q;
  }

  receive(message) {
    switch (message.type) {
      case 'data': {
        const sameRun = this.resuming && this.run.data?.query === message.query;
        this.resuming = false;
        this.#query = message.query;
        this.run.applyData(message, sameRun);
        this.run.race = message.lanes ? new Race(message) : null; // SPEC §8: every lane's frames come in one message
        if (!sameRun && !this.#askedAhead) this.setRunning(Boolean(message.running));
        this.#awaitingData = this.#askedAhead = false;
        this.emit('data', message);
        break;
      }
      case 'frame': {
        const frame = this.run.race ? this.run.race.applyFrame(message) : message;
        if (frame) this.run.applyFrame(frame);
        this.emit('frame', message);
        break;
      }
      case 'done':
      case 'diverged':
        this.run.race?.applyOutcome(message);
        this.run.applyOutcome(message);
        this.setRunning(false);
        this.emit('outcome', message);
        break;
      case 'error':
        this.emit('error', message);
        break;
      default:
        break; // a newer server's message we do not know yet
    }
    this.emit('message', message); // every message, once the run has taken it: for panels that read their own fields
    this.requestRender();
  }

  statusChanged(status) {
    this.connected = status.state === 'open';
    this.emit('status', status);
  }

  setRunning(running) {
    if (this.#running === running) return;
    this.#running = running;
    this.emit('running', { running });
  }

  /** Redraws on the next animation frame; many frames arriving in one frame draw once. */
  requestRender() {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  render() {
    if (!this.run.data) return;
    const colors = plotColors();
    const plot = plotScene(this.run, colors), loss = lossScene(this.run, colors);
    this.run.race?.decoratePlot(plot, this.run.data);
    this.run.race?.decorateLoss(loss);
    this.plot.render(plot);
    if (this.lossChart) this.lossChart.render(loss);
    for (const view of this.#views) view.render(this.run, colors);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** Calls `changed` when the canvas's size in device pixels changes: a new box, or a new zoom or screen density. */
function watchSize(canvas, changed) {
  const watcher = new ResizeObserver(changed);
  try {
    watcher.observe(canvas, { box: 'device-pixel-content-box' });
  } catch {
    watcher.observe(canvas); // a browser without device-pixel boxes: CSS pixels will do
  }
}
