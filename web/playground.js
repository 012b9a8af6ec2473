/**
 * One live run on screen: the socket, the run's state and its drawing, and the calls a person or a script
 * makes (play, pause, step, reset, restart). The full page and the embed both wire one of these.
 * Emits events: `data`, `frame`, `outcome`, `running`, `status`, `error`.
 */
import { LiveConnection } from './socket.js';
import { Run } from './run.js';
import { Plot } from './plot.js';
import { LossChart } from './losschart.js';
import { plotScene, lossScene } from './scene.js';
import { plotColors } from './theme.js';

export class Playground extends EventTarget {
  /** @param boot the page's boot data; @param canvases {{plot: HTMLCanvasElement, loss?: HTMLCanvasElement}} */
  constructor(boot, canvases) {
    super();
    this.query = boot.query;
    this.run = new Run();
    this.running = false;
    this.resuming = false;
    this.connected = false;
    this.plot = new Plot(canvases.plot);
    this.lossChart = canvases.loss ? new LossChart(canvases.loss) : null;
    this.renderQueued = false;
    this.views = []; // more views drawn with the plot: each has render(run, colors)
    this.connection = new LiveConnection({
      onMessage: m => this.receive(m),
      onStatus: s => this.statusChanged(s),
      resumeQuery: () => this.resumeQuery(),
    });
    for (const canvas of [canvases.plot, canvases.loss]) {
      if (canvas && 'ResizeObserver' in window) new ResizeObserver(() => this.requestRender()).observe(canvas);
    }
  }

  /** Opens the socket; the run starts playing when `play` is true, else waits at frame 0. */
  connect(play) {
    this.running = play;
    this.connection.open(this.query + (play ? '' : '&paused=1'));
  }

  disconnect() {
    this.connection.close();
    this.connected = false;
  }

  get isConnecting() {
    return this.connection.ws !== null || this.connection.retryTimer !== null;
  }

  play() {
    if (this.run.outcome) {
      this.restart(this.query, true);
      return;
    }
    this.setRunning(true);
    this.connection.send({ type: 'resume' });
  }

  pause() {
    this.setRunning(false);
    this.connection.send({ type: 'pause' });
  }

  toggle() {
    if (this.running) this.pause(); else this.play();
  }

  step() {
    if (this.run.outcome) return;
    this.setRunning(false);
    this.connection.send({ type: 'step' });
  }

  reset() {
    this.setRunning(false);
    if (!this.connection.send({ type: 'reset' })) this.connection.open(this.query + '&paused=1');
  }

  /** A new experiment on the same socket; it plays when `play` is true. */
  restart(query, play = this.running) {
    this.query = query;
    this.setRunning(play);
    const message = query + (play ? '' : '&paused=1');
    if (!this.connection.send({ type: 'restart', query: message })) this.connection.open(message);
  }

  setSpeed(updatesPerSecond) {
    this.connection.send({ type: 'speed', value: updatesPerSecond });
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
    };
  }

  /** The query that picks up where we were after a dropped connection. */
  resumeQuery() {
    this.resuming = true;
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
        this.query = message.query;
        this.run.applyData(message, sameRun);
        if (!sameRun) this.setRunning(Boolean(message.running));
        this.emit('data', message);
        break;
      }
      case 'frame':
        this.run.applyFrame(message);
        this.emit('frame', message);
        break;
      case 'done':
      case 'diverged':
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
    this.requestRender();
  }

  statusChanged(status) {
    this.connected = status.state === 'open';
    this.emit('status', status);
  }

  setRunning(running) {
    if (this.running === running) return;
    this.running = running;
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
    this.plot.render(plotScene(this.run, colors));
    if (this.lossChart) this.lossChart.render(lossScene(this.run, colors));
    for (const view of this.views) view.render(this.run, colors);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
