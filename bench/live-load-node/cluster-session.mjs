// One live session as the page keeps it (web/socket.js): reconnects when the socket drops, at once (spread over
// 200 ms) when the server said it is restarting, else after 250, 500, 1000 … ms, resuming with at=<last iter>;
// and what it saw, for cluster.mjs. It reads each `data` message's points with the page's own decoder (web/points.js)
// and, as the page does, says have=KEY when it reconnects, so the server sends the points once.
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const { decodePoints } = await import('data:text/javascript,'
  + encodeURIComponent(readFileSync(new URL('../../web/points.js', import.meta.url), 'utf8')));

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];
const RESTART_SPREAD_MS = 200, POLICY_VIOLATION = 1008, SERVICE_RESTART = 1012;
/** Stalls longer than this are kept with the time they ended, to see which fault they followed. */
const LONG_STALL_MS = 1000;
export const LONG_STALLS = [];

export class Session {
  constructor(port, query, speed) {
    this.port = port;
    this.query = query;
    this.speed = speed;
    this.measuring = true; // lateness is counted at the session's first speed only
    this.last = -1; // the last new frame's iter
    this.lastRaw = null; // its bytes, to compare with the frame a resume sends again
    this.lastArrival = 0;
    this.segmentStart = null; // [iter, arrival] of this connection's first frame
    this.longestStall = 0;
    this.longestReconnectStall = 0; // from the last frame before a drop to the first new one after it
    this.longestStreamingStall = 0; // between two frames on one connection: the server or the box was busy
    this.afterResume = false;
    this.lateness = [];
    this.duplicates = 0;
    this.gaps = 0;
    this.reconnects = 0;
    this.resumedBitForBit = 0;
    this.resumedDifferent = 0;
    this.errors = [];
    this.finished = false;
    this.outcome = null;
    this.attempt = 0;
    this.held = null; // {key, n}: the points the server sent, by key
    this.open(query);
  }

  open(query) {
    const ws = new WebSocket(`ws://127.0.0.1:${this.port}/ws?${query}`, { perMessageDeflate: false });
    this.ws = ws;
    this.fresh = true;
    ws.on('open', () => { // a speed asked while this socket was opening
      if (!this.measuring) ws.send(JSON.stringify({ type: 'speed', value: this.speed }));
    });
    ws.on('message', data => this.onMessage(data.toString()));
    ws.on('error', () => {}); // a close follows
    ws.on('close', code => {
      if (this.ws !== ws || this.finished) return;
      if (code === POLICY_VIOLATION) return this.finish('refused');
      this.dropped(code === SERVICE_RESTART);
    });
  }

  onMessage(raw) {
    const m = JSON.parse(raw);
    this.attempt = 0;
    const now = performance.now();
    if (m.type === 'frame') return this.onFrame(m.iter, raw, now);
    if (m.type === 'restarting') return this.dropped(true);
    if (m.type === 'done' || m.type === 'diverged') {
      if (m.iter !== this.last) this.gaps++;
      return this.finish(m.type);
    }
    if (m.type === 'error') this.errors.push(m.message);
    if (m.type === 'data') this.onData(m);
  }

  onData(m) {
    if (m.points) this.held = { key: m.pointsKey, n: decodePoints(m.points).x.length };
    else if (this.held?.key !== m.pointsKey) this.errors.push(`a data message without the points, for points it never sent (${m.pointsKey})`);
  }

  onFrame(iter, raw, now) {
    if (this.fresh) {
      this.fresh = false;
      this.segmentStart = [iter, now];
      if (this.last >= 0 && iter === this.last) { // the resume's first frame is the one seen last
        if (raw === this.lastRaw) this.resumedBitForBit++; else this.resumedDifferent++;
        this.afterResume = true;
        return;
      }
    } else if (this.measuring) {
      const due = this.segmentStart[1] + (iter - this.segmentStart[0]) * 1000 / this.speed;
      this.lateness.push(Math.max(0, now - due));
    }
    if (iter <= this.last) { this.duplicates++; return; }
    if (iter !== this.last + 1) this.gaps++;
    if (this.last >= 0 && this.measuring) { // the finish, at --finish-speed, is not part of the scenario
      const stall = now - this.lastArrival;
      this.longestStall = Math.max(this.longestStall, stall);
      if (this.afterResume) this.longestReconnectStall = Math.max(this.longestReconnectStall, stall);
      else this.longestStreamingStall = Math.max(this.longestStreamingStall, stall);
      if (stall > LONG_STALL_MS) LONG_STALLS.push({ endedAt: now, ms: stall, acrossReconnect: this.afterResume });
    }
    this.afterResume = false;
    this.last = iter;
    this.lastRaw = raw;
    this.lastArrival = now;
  }

  dropped(restarting) {
    const ws = this.ws;
    this.ws = null;
    if (ws) { ws.removeAllListeners('close'); ws.on('close', () => {}); ws.terminate(); }
    const delay = restarting && this.attempt === 0 ? Math.random() * RESTART_SPREAD_MS
      : BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt++;
    this.reconnects++;
    setTimeout(() => this.open(this.resumeQuery()), delay);
  }

  resumeQuery() {
    return this.query.replace(/&speed=[^&]*/, `&speed=${this.speed}`) + (this.last >= 0 ? `&at=${this.last}` : '')
      + (this.held ? `&have=${encodeURIComponent(this.held.key)}` : '');
  }

  /** Asks for frames at `speed` a second from now on, as the page's speed slider does. */
  speedUp(speed) {
    this.speed = speed;
    this.measuring = false;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'speed', value: speed }));
  }

  finish(outcome) {
    this.finished = true;
    this.outcome = outcome;
    if (this.ws) this.ws.close(1000);
  }

  get whole() {
    return (this.outcome === 'done' || this.outcome === 'diverged') && this.duplicates === 0 && this.gaps === 0
      && this.resumedDifferent === 0;
  }
}

/** Sessions whole, reconnects, the longest stall and p99 lateness over `sessions`. */
export function summarise(sessions) {
  const lateness = sessions.flatMap(s => s.lateness).sort((a, b) => a - b);
  const sum = f => sessions.reduce((t, s) => t + f(s), 0);
  return {
    count: sessions.length,
    whole: sessions.filter(s => s.whole).length,
    reconnects: sum(s => s.reconnects),
    resumedBitForBit: sum(s => s.resumedBitForBit),
    duplicates: sum(s => s.duplicates),
    gaps: sum(s => s.gaps),
    longestStall: sessions.reduce((m, s) => Math.max(m, s.longestStall), 0),
    longestReconnectStall: sessions.reduce((m, s) => Math.max(m, s.longestReconnectStall), 0),
    longestStreamingStall: sessions.reduce((m, s) => Math.max(m, s.longestStreamingStall), 0),
    lateP99: lateness.length ? lateness[Math.min(lateness.length - 1, Math.floor(lateness.length * 0.99))] : 0,
  };
}
