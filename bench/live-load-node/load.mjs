// The live socket at scale (issue #5), measured with a Node `ws` client, as the reference figures were.
// It measures what LiveLoad (src/test/java/org/sgdplayground/load/LiveLoad.java) measures, by the same definitions,
// and prints the same table; only the client differs. A Node client costs the shared two cores far less CPU per
// frame than a JVM one, so more of the machine is left to the server being measured.
//
//   node load.mjs CLASSPATH [--sessions=1000] [--rate=1000] [--query=...] [--servers=bare,playground]
//                           [--jvm="-Xmx1g"] [--warmup=8] [--rounds=5] [--trace] [--cold]
// (--jvm defaults to $SERVER_JVM, else -Xmx1g; --trace prints the measured run's lateness by quarter second)
//
// --cold measures the first minute after a deploy instead: each round starts the playground afresh as it is deployed
// (scripts/serve, the built jar, with --jvm as JAVA_OPTS), waits for /healthz to answer 200, at once opens the
// sessions (the cold run), then does the same again on the same server (the warm run), and stops it. It prints the
// time from launch to ready and both runs side by side, with the cold-to-warm ratio of p99 lateness.
//
// Both servers run side by side, each warmed up, and are measured in turns, --rounds times, the order swapped each
// round: a run's p99 moves by half from one run to the next with the servers' collections and whatever else the
// machine does, so the comparison is of the medians of the rounds, with every round printed.
//
// CLASSPATH is the project's test classpath (bench/live-load-node/run passes Maven's). Each server runs in its own
// JVM (LoadServer), driven over its stdin and stdout: `plan QUERY` (frames per session and the interval they are
// asked at, from the engine), `heap` (used heap after a full collection), `cpu` (its CPU time), `quit`.
//
// Definitions, as LiveLoad's:
//   socket open   from just before the connect to the socket's open;
//   first frame   from just before the connect to frame 0's arrival;
//   lateness      frame i (i > 0) is due i * period after frame 0 arrived; lateness is arrival minus due, early
//                 arrivals count as 0; kept in 0.1 ms buckets, a percentile is its bucket's upper edge;
//   complete      `done` (or `diverged`) came, every frame came, and in order (no iteration skipped);
//   errors        error messages received plus sockets that closed or failed before `done`;
//   heap/session  (used heap after GC with N sessions open and streaming - before) / N;
//   CPU           each process's CPU time over the measured run.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sessions: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1000' },
    query: { type: 'string', default: 'preset=fastai-sgd&steps=500&speed=50' },
    servers: { type: 'string', default: 'bare,playground' },
    jvm: { type: 'string', default: process.env.SERVER_JVM || '-Xmx1g' },
    warmup: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    trace: { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node load.mjs CLASSPATH [--sessions=N] [--rate=N] [--query=Q] [--servers=bare,playground] [--jvm=OPTS] [--warmup=N]');
  process.exit(2);
}
const classpath = positionals[0];
const sessions = wholeOption('sessions', 1), rate = wholeOption('rate', 1), warmRounds = wholeOption('warmup', 0);
const measuredRounds = wholeOption('rounds', 1);

function wholeOption(name, min) {
  const v = Number(opt[name]);
  if (!Number.isInteger(v) || v < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not ${opt[name]}`);
    process.exit(2);
  }
  return v;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const ascii = s => Buffer.from(s, 'latin1');
const FRAME = ascii('{"type":"frame"'), DONE = ascii('{"type":"done"'), DIVERGED = ascii('{"type":"diverged"'),
  ERROR = ascii('{"type":"error"'), BARE_ERROR = ascii('{"error"'), ITER = ascii('"iter":');

/** Milliseconds in 0.1 ms buckets up to a minute; early arrivals count as 0. */
class Histogram {
  static BUCKETS = 600_000;
  counts = new Float64Array(Histogram.BUCKETS);
  maxMs = 0;
  add(ms) {
    const b = Math.max(0, Math.min(Histogram.BUCKETS - 1, Math.floor(ms * 10)));
    this.counts[b]++;
    if (ms > this.maxMs) this.maxMs = ms;
  }
  percentile(p) {
    let total = 0;
    for (let i = 0; i < Histogram.BUCKETS; i++) total += this.counts[i];
    if (total === 0) return NaN;
    const rank = Math.ceil(p / 100 * total);
    let seen = 0;
    for (let i = 0; i < Histogram.BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return (i + 1) / 10; // the bucket's upper edge: never flatters
    }
    return NaN;
  }
}

class Stats {
  lateness = new Histogram();
  first = new Histogram();
  open = new Histogram();
  // --trace: the measured run's frames and their worst lateness, by quarter second since the run began
  trace = opt.trace ? { start: performance.now(), frames: [], worst: [], sum: [] } : null;
  traced(now, late) {
    const t = this.trace, k = Math.floor((now - t.start) / 250);
    t.frames[k] = (t.frames[k] || 0) + 1;
    t.worst[k] = Math.max(t.worst[k] || 0, late);
    t.sum[k] = (t.sum[k] || 0) + late;
  }
  printTrace() {
    const t = this.trace;
    console.log('  t (s)   frames   mean late (ms)   worst late (ms)');
    for (let k = 0; k < t.frames.length; k++) {
      if (!t.frames[k]) continue;
      console.log(`${(k / 4).toFixed(2).padStart(7)} ${String(t.frames[k]).padStart(8)} ${(t.sum[k] / t.frames[k]).toFixed(1).padStart(16)} ${t.worst[k].toFixed(1).padStart(17)}`);
    }
  }
}

function startsWith(m, prefix) {
  if (m.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (m[i] !== prefix[i]) return false;
  return true;
}

/** The number after "iter":, read from the bytes (-1 when absent, which counts as a gap). */
function iterOf(m) {
  const at = m.indexOf(ITER);
  if (at < 0) return -1;
  let v = 0;
  for (let j = at + ITER.length; j < m.length; j++) {
    const c = m[j];
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** One socket's view: when frame 0 came, how late each later frame was, whether the run completed. */
class Probe {
  frame0At = 0;
  lastIter = -1;
  frames = 0;
  gaps = 0;
  errors = 0;
  done = false;
  closedEarly = false;
  counted = false;
  socket = null;
  connectAt = 0;

  constructor(stats, periodMs, onFinish, onFirst) {
    this.stats = stats;
    this.periodMs = periodMs;
    this.onFinish = onFinish;
    this.onFirst = onFirst;
  }

  connect(url) {
    this.connectAt = performance.now();
    const s = new WebSocket(url, {
      perMessageDeflate: false,   // the servers offer none either; as LiveLoad's client
      skipUTF8Validation: true,   // a timing probe: it reads a few ASCII bytes of each message, nothing more
      handshakeTimeout: 30_000,   // LiveLoad's connect timeout
      maxPayload: 16 * 1024 * 1024,
    });
    this.socket = s;
    s.on('open', () => this.stats.open.add(performance.now() - this.connectAt));
    s.on('message', (m, isBinary) => { if (!isBinary) this.message(m, performance.now()); });
    s.on('error', () => this.failed());
    s.on('close', () => { if (!this.done) this.closedEarly = true; this.finish(); });
  }

  message(m, now) {
    if (startsWith(m, FRAME)) {
      const iter = iterOf(m);
      if (iter !== this.lastIter + 1) this.gaps++;
      this.lastIter = iter;
      this.frames++;
      if (iter === 0) {
        this.frame0At = now;
        this.stats.first.add(now - this.connectAt);
        if (this.onFirst) this.onFirst();
      } else {
        const late = now - (this.frame0At + iter * this.periodMs);
        this.stats.lateness.add(late);
        if (this.stats.trace) this.stats.traced(now, late);
      }
    } else if (startsWith(m, DONE) || startsWith(m, DIVERGED)) {
      this.done = true;
      this.finish();
    } else if (startsWith(m, ERROR) || startsWith(m, BARE_ERROR)) {
      this.errors++;
    }
  }

  failed() {
    this.closedEarly = true;
    this.finish();
  }

  finish() {
    if (this.counted) return;
    this.counted = true;
    this.onFinish();
  }

  close() {
    const s = this.socket;
    if (s && (s.readyState === WebSocket.OPEN || s.readyState === WebSocket.CONNECTING)) {
      try { s.close(1000, 'bye'); } catch { s.terminate(); }
    }
  }
}

/**
 * Opens n probes at `rate` a second, on the clock: the i-th connect starts at start + i / rate (a timer wakes about
 * once a millisecond and opens every probe due by then).
 */
function open(port, n, rateHz, query, make) {
  const url = `ws://127.0.0.1:${port}/ws?${query}`;
  const probes = [];
  const start = performance.now(), intervalMs = 1000 / rateHz;
  return new Promise(resolve => {
    const pump = () => {
      const now = performance.now();
      while (probes.length < n && start + probes.length * intervalMs <= now) {
        const p = make();
        probes.push(p);
        p.connect(url);
      }
      if (probes.length < n) setTimeout(pump, Math.max(0, start + probes.length * intervalMs - performance.now()));
      else resolve(probes);
    };
    pump();
  });
}

function countdown(n) {
  let left = n, release;
  const done = new Promise(resolve => { release = resolve; if (n === 0) resolve(); });
  return { done, count: () => left, down: () => { if (--left === 0) release(); } };
}

function within(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise(resolve => { timer = setTimeout(resolve, ms); })])
    .finally(() => clearTimeout(timer));
}

/** Opens n sessions at `rate` a second and waits for each to finish its run (or the time budget to pass). */
async function run(server, n, rateHz, query) {
  const [framesPerRun, periodNanos] = await server.plan(query);
  const periodMs = periodNanos / 1e6;
  const stats = new Stats();
  const finished = countdown(n);
  const probes = await open(server.port, n, rateHz, query, () => new Probe(stats, periodMs, finished.down));
  const budgetMs = n / rateHz * 1000 + framesPerRun * periodMs + 60_000;
  await within(finished.done, budgetMs);
  const r = new Result();
  r.sessions = n;
  r.framesExpected = framesPerRun * n;
  for (const p of probes) {
    if (p.done && p.frames === framesPerRun && p.gaps === 0) r.complete++;
    r.framesDelivered += p.frames;
    r.errors += p.errors + (p.closedEarly ? 1 : 0);
  }
  for (const p of probes) p.close();
  r.lateP50 = stats.lateness.percentile(50);
  r.lateP99 = stats.lateness.percentile(99);
  r.lateMax = stats.lateness.maxMs;
  r.firstP50 = stats.first.percentile(50);
  r.firstP99 = stats.first.percentile(99);
  r.openP50 = stats.open.percentile(50);
  r.openP99 = stats.open.percentile(99);
  if (stats.trace && framesPerRun * periodMs > 5000) stats.printTrace(); // the measured run only
  return r;
}

/** Opens n sessions and resolves once each has its first frame (or the time budget passed); they stay open. */
async function hold(server, n, rateHz, query) {
  const stats = new Stats();
  const first = countdown(n);
  const probes = await open(server.port, n, rateHz, query, () => new Probe(stats, 1000, () => {}, first.down));
  await within(first.done, (n / rateHz + 30) * 1000);
  return { probes, connected: n - first.count() };
}

class Result {
  sessions = 0; complete = 0; errors = 0; framesExpected = 0; framesDelivered = 0;
  lateP50 = NaN; lateP99 = NaN; lateMax = NaN; firstP50 = NaN; firstP99 = NaN; openP50 = NaN; openP99 = NaN;
  heapPerSession = NaN; serverCpuSeconds = NaN; clientCpuSeconds = NaN;

  static table(results) {
    const fmt = v => v.toFixed(1);
    const rows = [
      ['sessions complete', r => `${r.complete}/${r.sessions}`],
      ['frames delivered', r => `${r.framesDelivered}/${r.framesExpected}`],
      ['errors / early closes', r => `${r.errors}`],
      ['lateness p50 (ms)', r => fmt(r.lateP50)],
      ['lateness p99 (ms)', r => fmt(r.lateP99)],
      ['lateness max (ms)', r => fmt(r.lateMax)],
      ['socket open p50 / p99 (ms)', r => `${fmt(r.openP50)} / ${fmt(r.openP99)}`],
      ['first frame p50 (ms)', r => fmt(r.firstP50)],
      ['first frame p99 (ms)', r => fmt(r.firstP99)],
      ['heap per session (KB)', r => fmt(r.heapPerSession / 1024)],
      ['server CPU for the run (s)', r => fmt(r.serverCpuSeconds)],
      ['client CPU for the run (s)', r => fmt(r.clientCpuSeconds)],
    ];
    let s = ''.padEnd(26) + [...results.keys()].map(k => k.padStart(16)).join('') + '\n';
    for (const [name, cell] of rows) s += name.padEnd(26) + [...results.values()].map(r => cell(r).padStart(16)).join('') + '\n';
    return s;
  }
}

/** A server in its own JVM, driven over its stdin and stdout. */
class ServerProcess {
  static async start(kind, query, jvm) {
    const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const args = [...jvm.trim().split(/\s+/).filter(Boolean), '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp', classpath, 'org.sgdplayground.load.LoadServer', kind, query];
    const server = new ServerProcess(spawn(java, args, { stdio: ['pipe', 'pipe', 'inherit'] }));
    server.port = Number(await server.expect('ready'));
    return server;
  }

  constructor(child) {
    this.child = child;
    this.lines = [];
    this.waiting = null;
    this.exited = false;
    createInterface({ input: child.stdout }).on('line', line => { this.lines.push(line); this.wakeUp(); });
    child.on('exit', () => { this.exited = true; this.wakeUp(); });
    child.on('error', e => { this.failure = e; this.exited = true; this.wakeUp(); });
  }

  wakeUp() {
    const w = this.waiting;
    this.waiting = null;
    if (w) w();
  }

  async expect(word) {
    for (;;) {
      while (this.lines.length) {
        const line = this.lines.shift();
        if (line.startsWith(word + ' ')) return line.slice(word.length + 1).trim();
      }
      if (this.exited) throw new Error(`the server exited before saying ${word}${this.failure ? ': ' + this.failure.message : ''}`);
      await new Promise(resolve => { this.waiting = resolve; });
    }
  }

  async ask(command, word) {
    this.child.stdin.write(command + '\n');
    return this.expect(word);
  }

  async plan(query) {
    const answer = await this.ask(`plan ${query}`, 'plan');
    if (answer.startsWith('error')) throw new Error(`the server cannot plan ${query}: ${answer}`);
    const [frames, period] = answer.split(/\s+/).map(Number);
    return [frames, period];
  }

  async usedHeap() { return Number(await this.ask('heap', 'heap')); }
  async cpuNanos() { return Number(await this.ask('cpu', 'cpu')); }

  async close() {
    if (this.exited) return;
    this.child.stdin.write('quit\n');
    const gone = new Promise(resolve => this.child.once('exit', resolve));
    if (await within(gone.then(() => true), 15_000) !== true) this.child.kill('SIGKILL');
  }
}

/** Frames per session and their interval for `query`, from the engine, in a JVM of its own (LoadServer plan). */
async function planOf(query) {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const out = execFileSync(java, ['-cp', classpath, 'org.sgdplayground.load.LoadServer', 'plan', query], { encoding: 'utf8' });
  const line = out.split('\n').find(l => l.startsWith('plan '));
  if (!line) throw new Error(`no plan for ${query}: ${out}`);
  return line.slice('plan '.length).trim().split(/\s+/).map(Number);
}

/** A free TCP port on the loopback, as the kernel hands one out. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** The status of GET http://127.0.0.1:port/path, or 0 when nothing answers yet. */
function statusOf(port, path) {
  return new Promise(resolve => {
    const req = httpGet({ host: '127.0.0.1', port, path, agent: false, timeout: 1000 }, res => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}

/** The playground as deployed (scripts/serve: the built jar), started now; `readyMs` is launch to /healthz 200. */
class DeployedServer {
  static SERVE = fileURLToPath(new URL('../../scripts/serve', import.meta.url));

  static async start(jvm, plan) {
    const port = await freePort();
    const began = performance.now();
    const child = spawn(DeployedServer.SERVE, [], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env, PORT: String(port), JAVA_OPTS: `-Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${jvm}`,
        ...(process.env.SERVER_JAVA_HOME ? { JAVA_HOME: process.env.SERVER_JAVA_HOME } : {}), // the deployed JDK, not Maven's
      },
    });
    const server = new DeployedServer(child, port, plan);
    while (!server.exited && await statusOf(port, '/healthz') !== 200) await sleep(10);
    if (server.exited) throw new Error('the server exited before it was ready');
    server.readyMs = performance.now() - began;
    server.readyCpuSeconds = await server.cpuNanos() / 1e9;
    return server;
  }

  constructor(child, port, plan) {
    this.child = child;
    this.port = port;
    this.planned = plan;
    this.exited = false;
    child.on('exit', () => { this.exited = true; });
  }

  async plan() { return this.planned; }

  /** The process's CPU time from /proc (user + system, in clock ticks of 1/100 s); NaN where there is no /proc. */
  async cpuNanos() {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 1e7;
    } catch {
      return NaN;
    }
  }

  /** SIGTERM, as a deploy stops it; killed if it is still there 15 s later. */
  async close() {
    if (this.exited) return;
    const gone = new Promise(resolve => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    if (await within(gone.then(() => true), 15_000) !== true) this.child.kill('SIGKILL');
  }
}

const ownCpuNanos = () => { const u = process.cpuUsage(); return (u.user + u.system) * 1000; };

/** Starts a server in its own JVM and warms it up, as LiveLoad does: short runs for the handshake paths, one longer for streaming. */
async function prepare(kind, query, jvm) {
  const server = await ServerProcess.start(kind, query, jvm);
  const began = performance.now();
  for (let round = 0; round < warmRounds; round++) await run(server, sessions, rate, query.replace(/steps=\d+/, 'steps=2'));
  await run(server, sessions, rate, query.replace(/steps=\d+/, 'steps=100'));
  console.log(`${kind}: warmed up in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  return server;
}

/** One measured run, with each side's CPU over it. */
async function measureRun(server, query, pauseMs = 500) {
  if (pauseMs > 0) await sleep(pauseMs);
  const cpu = await server.cpuNanos(), clientCpu = ownCpuNanos();
  const r = await run(server, sessions, rate, query);
  r.serverCpuSeconds = (await server.cpuNanos() - cpu) / 1e9;
  r.clientCpuSeconds = (ownCpuNanos() - clientCpu) / 1e9;
  return r;
}

/** Heap per session: used heap after GC with the sessions open and streaming, less before, over the sessions. */
async function measureHeap(server, query) {
  await sleep(500);
  const before = await server.usedHeap();
  const held = await hold(server, sessions, rate, query);
  await sleep(1000);
  const during = await server.usedHeap();
  held.probes.forEach(p => p.close());
  await sleep(1000);
  return (during - before) / held.connected;
}

/** The round's results folded into one: each figure the median over the rounds; counts summed. */
function medianOf(rounds) {
  const median = f => {
    const v = rounds.map(f).sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const m = new Result();
  for (const key of ['sessions', 'complete', 'errors', 'framesExpected', 'framesDelivered']) m[key] = rounds.reduce((t, r) => t + r[key], 0);
  for (const key of ['lateP50', 'lateP99', 'lateMax', 'firstP50', 'firstP99', 'openP50', 'openP99', 'serverCpuSeconds', 'clientCpuSeconds']) {
    m[key] = median(r => r[key]);
  }
  return m;
}

console.log(`${sessions} sessions at ${rate}/s on /ws?${opt.query}, ${(await import('node:os')).availableParallelism()} cores, node ${process.version}, ws client`);
if (opt.cold) await coldRounds();
else await sideBySide();
process.exit(0);

/** The bare sender and the playground, warmed up, measured in turns; their medians side by side. */
async function sideBySide() {
  const kinds = opt.servers.split(',').map(k => k.trim()).filter(Boolean);
  const servers = new Map();
  try {
    for (const kind of kinds) servers.set(kind, await prepare(kind, opt.query, opt.jvm));
    const rounds = new Map(kinds.map(k => [k, []]));
    for (let round = 1; round <= measuredRounds; round++) {
      const order = round % 2 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const r = await measureRun(servers.get(kind), opt.query);
        rounds.get(kind).push(r);
        console.log(`round ${round}, ${kind}: lateness p99 ${r.lateP99.toFixed(1)} ms, first frame p99 ${r.firstP99.toFixed(1)} ms, `
          + `${r.complete}/${r.sessions} complete, server CPU ${r.serverCpuSeconds.toFixed(1)} s`);
      }
    }
    const results = new Map();
    for (const kind of kinds) {
      const m = medianOf(rounds.get(kind));
      m.heapPerSession = await measureHeap(servers.get(kind), opt.query);
      results.set(kind, m);
    }
    console.log();
    console.log(`Medians over ${measuredRounds} rounds (sessions, frames and errors summed over them):`);
    console.log(Result.table(results));
    if (results.has('bare') && results.has('playground')) {
      const ratio = results.get('playground').lateP99 / results.get('bare').lateP99;
      console.log(`playground / bare, lateness p99 (medians): ${ratio.toFixed(2)}  (within 25%: ${ratio <= 1.25 ? 'yes' : 'NO'}); `
        + 'by round: ' + rounds.get('playground').map((r, i) => (r.lateP99 / rounds.get('bare')[i].lateP99).toFixed(2)).join(', '));
    }
  } finally {
    for (const server of servers.values()) await server.close();
  }
}

/**
 * The first minute after a deploy: each round launches the playground as deployed, opens the sessions the moment
 * /healthz says ready (cold), then again on the same server (warm), and stops it.
 */
async function coldRounds() {
  const plan = await planOf(opt.query);
  const cold = [], warm = [], ready = [];
  for (let round = 1; round <= measuredRounds; round++) {
    const server = await DeployedServer.start(opt.jvm, plan);
    try {
      ready.push(server.readyMs);
      const c = await measureRun(server, opt.query, 0);
      const w = await measureRun(server, opt.query);
      cold.push(c);
      warm.push(w);
      console.log(`  server CPU: to ready ${server.readyCpuSeconds.toFixed(1)} s, cold run ${c.serverCpuSeconds.toFixed(1)} s, warm run ${w.serverCpuSeconds.toFixed(1)} s`);
      console.log(`round ${round}: ready ${server.readyMs.toFixed(0)} ms after launch (CPU ${server.readyCpuSeconds.toFixed(1)} s); lateness p99 cold ${c.lateP99.toFixed(1)} / `
        + `warm ${w.lateP99.toFixed(1)} ms (${(c.lateP99 / w.lateP99).toFixed(2)}); first frame p99 cold ${c.firstP99.toFixed(1)} / `
        + `warm ${w.firstP99.toFixed(1)} ms; complete ${c.complete} / ${w.complete} of ${c.sessions}`);
    } finally {
      await server.close();
    }
  }
  const results = new Map([['cold', medianOf(cold)], ['warm', medianOf(warm)]]);
  const sorted = [...ready].sort((a, b) => a - b);
  console.log();
  console.log(`Medians over ${measuredRounds} rounds, each on a fresh server (sessions, frames and errors summed over them):`);
  console.log(Result.table(results));
  const ratio = results.get('cold').lateP99 / results.get('warm').lateP99;
  console.log(`launch to /healthz ready: median ${sorted[(sorted.length - 1) >> 1].toFixed(0)} ms (by round: ${ready.map(t => t.toFixed(0)).join(', ')}; under 2000: ${sorted[sorted.length - 1] < 2000 ? 'yes' : 'NO'})`);
  console.log(`cold / warm, lateness p99 (medians): ${ratio.toFixed(2)}  (within 1.5x: ${ratio <= 1.5 ? 'yes' : 'NO'}); by round: `
    + cold.map((r, i) => (r.lateP99 / warm[i].lateP99).toFixed(2)).join(', '));
  console.log(`cold / warm, first frame p99 (medians): ${(results.get('cold').firstP99 / results.get('warm').firstP99).toFixed(2)}`);
}
