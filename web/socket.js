/**
 * The live socket (SPEC §3) with reconnection: the URL comes from `location` (wss: under https); when the
 * connection drops, or the server announces a restart, it says so and reconnects with backoff, asking the
 * owner which query to resume with (`at=<last iter>`, `paused=1`). Control messages sent while the socket is
 * still opening wait for it and go first, in order.
 */

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];
/**
 * A server that is restarting has already stopped taking sockets and its balancer sends new ones elsewhere, so the
 * first try comes at once, spread over this many ms so that a server's viewers do not all land in the same instant.
 */
const RESTART_SPREAD_MS = 200;
/** The server refused the experiment itself: reconnecting would only be refused again. */
const POLICY_VIOLATION = 1008;
/** The server is restarting (it said so first with a `restarting` message). */
const SERVICE_RESTART = 1012;

export function socketUrl(query, loc = location) {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/ws${query ? '?' + query : ''}`;
}

export class LiveConnection {
  /**
   * @param {object} handlers
   * @param {(message: object) => void} handlers.onMessage  every message but `restarting`
   * @param {(status: {state: string, retryInMs?: number}) => void} handlers.onStatus  connecting/open/lost/closed
   * @param {() => string} handlers.resumeQuery  the query to reconnect with after a drop
   */
  constructor({ onMessage, onStatus, resumeQuery }) {
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.resumeQuery = resumeQuery;
    this.ws = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.closedByUs = false;
    this.waiting = []; // messages sent while the socket opens
  }

  get isOpen() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  get isOpening() {
    return this.ws !== null && this.ws.readyState === WebSocket.CONNECTING;
  }

  /** Opens a socket for `query`, replacing any socket already open. */
  open(query) {
    this.closedByUs = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.detach();
    this.waiting = []; // they were meant for the socket this one replaces; its query carries what matters
    this.onStatus({ state: this.attempt === 0 ? 'connecting' : 'reconnecting' });
    const ws = new WebSocket(socketUrl(query));
    this.ws = ws;
    ws.onopen = () => {
      for (const message of this.waiting.splice(0)) ws.send(JSON.stringify(message));
      this.onStatus({ state: 'open' });
    };
    ws.onmessage = event => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // not ours to show; the server only sends JSON
      }
      this.attempt = 0;
      if (message.type === 'restarting') {
        this.dropped(true);
        return;
      }
      this.onMessage(message);
    };
    ws.onclose = event => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.closedByUs) return;
      if (event.code === POLICY_VIOLATION) {
        this.onStatus({ state: 'closed' });
        return;
      }
      this.dropped(event.code === SERVICE_RESTART);
    };
  }

  /**
   * Sends a control message, or keeps it until the socket that is opening opens; false when there is no socket
   * (none opened yet, or a reconnect is waiting out its backoff).
   */
  send(message) {
    if (this.isOpening) {
      this.waiting.push(message);
      return true;
    }
    if (!this.isOpen) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /** Closes for good (the page is going away or the embed left the screen). */
  close() {
    this.closedByUs = true;
    clearTimeout(this.retryTimer);
    this.detach();
  }

  /** Reconnects after a backoff; `restarting`: the server said it is restarting, so the first try comes at once. */
  dropped(restarting = false) {
    this.detach();
    const delay = restarting && this.attempt === 0
      ? Math.round(Math.random() * RESTART_SPREAD_MS)
      : BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt++;
    this.onStatus({ state: 'lost', retryInMs: delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(this.resumeQuery()), delay);
  }

  detach() {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onopen = null;
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000, 'bye');
    }
  }
}
