// Several servers behind HAProxy under faults (issue #17): starts scripts/cluster, opens live sessions through its
// one port with a client that reconnects as the page does (web/socket.js), and while they stream restarts every
// server in turn (SIGTERM, wait until it is healthy, next), kills one with kill -9, and stops PostgreSQL for 10 s
// while uploading points and opening links to stored points. Then it prints sessions whole, the longest stall and
// p99 lateness beside the same sessions on one server without faults, and what the store answered.
//
//   node cluster.mjs [--servers=3] [--sessions=600] [--speed=10] [--db-stop=10] [--baseline] [--assert]
//
// Definitions:
//   whole      the session saw `done` (or `diverged`) and every frame from 0 to the last, in order, none twice; after
//              a reconnect with at=K the server sends frame K again, which must be the same bytes as the first K
//              (counted as resumed bit for bit, and not as a second copy);
//   stall      the time between two successive new frames of one session, reconnects included, until the faults
//              are over and the sessions speed up;
//   lateness   frame i of a connection is due (i - i0) periods after that connection's first frame i0 arrived,
//              measured at the session's own speed (the sessions speed up to --finish-speed once the faults are
//              over, so that they end without waiting out their length: frames after that are not counted).
// --assert exits 1 unless every session is whole, the longest stall is under --max-stall ms (2000), no store
// answer was a 500 or took over 5 s, the store answers 201 again after the database returns, and every acknowledged
// upload reads back from every server. scripts/test runs it so (bench/cluster/run --ci).
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { LONG_STALLS, Session, summarise } from './cluster-session.mjs';

const { values: opt } = parseArgs({
  options: {
    servers: { type: 'string', default: '3' },
    sessions: { type: 'string', default: '600' },
    speed: { type: 'string', default: '10' },
    'finish-speed': { type: 'string', default: '40' },
    'db-stop': { type: 'string', default: '10' },
    'max-stall': { type: 'string', default: '2000' },
    baseline: { type: 'boolean', default: false },
    assert: { type: 'boolean', default: false },
  },
});
const servers = Number(opt.servers), sessions = Number(opt.sessions), speed = Number(opt.speed);
const finishSpeed = Number(opt['finish-speed']), dbStopSeconds = Number(opt['db-stop']), maxStall = Number(opt['max-stall']);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// never a synchronous child: it would stop this client reading its sockets, and count as the servers' stall
const run = promisify(execFile);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const log = message => console.log(`[${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${message}`);
// long enough for every fault on a busy box; the sessions speed up to finish once the faults are over
const STEPS = Math.round(speed * 240);

const dir = mkdtempSync(join(tmpdir(), 'sgd-cluster-bench-'));
const front = 20000 + Math.floor(Math.random() * 20000);
const cluster = spawn(join(root, 'scripts', 'cluster'), [String(servers)], {
  cwd: root, env: { ...process.env, CLUSTER_DIR: dir, PORT: String(front) }, stdio: ['ignore', 'inherit', 'inherit'],
});
let clusterExited = false;
cluster.on('exit', () => { clusterExited = true; });
const stopCluster = async () => {
  if (!clusterExited) cluster.kill('SIGTERM');
  for (let i = 0; i < 300 && !clusterExited; i++) await sleep(100);
};
process.on('SIGINT', () => stopCluster().then(() => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(130);
}));

const file = name => join(dir, name);
const portOf = k => Number(readFileSync(file(`server-${k}.port`), 'utf8'));
const pidOf = k => Number(readFileSync(file(`server-${k}.pid`), 'utf8'));
const pg = () => existsSync(file('pg')) ? readFileSync(file('pg'), 'utf8').trim().split(' ') : null;

async function get(port, path, timeoutMs = 10000) {
  const began = performance.now();
  try {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, ms: performance.now() - began, retryAfter: r.headers.get('retry-after'), body: await r.text() };
  } catch (e) {
    return { status: 0, ms: performance.now() - began, error: String(e) };
  }
}

async function upload(seed, timeoutMs = 10000) {
  const rows = ['x,y'];
  for (let i = 0; i < 40; i++) rows.push(`${i},${(seed * 7919 + i * i * 31) % 1000 / 10}`);
  const began = performance.now();
  try {
    const r = await fetch(`http://127.0.0.1:${front}/api/points`, {
      method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: rows.join('\n'), signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await r.text();
    return { status: r.status, ms: performance.now() - began, retryAfter: r.headers.get('retry-after'),
      id: r.status === 201 || r.status === 200 ? JSON.parse(body).id : null };
  } catch (e) {
    return { status: 0, ms: performance.now() - began, error: String(e) };
  }
}

async function healthy(k, timeoutMs = 180000) {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const h = await get(portOf(k), '/healthz', 2000);
    if (h.status === 200) return true;
    await sleep(200);
  }
  return false;
}

/** Opens `count` sessions on `port` at 200 a second and waits until each has its first frame. */
async function openSessions(port, count, queryOf) {
  const all = [];
  for (let i = 0; i < count; i++) {
    all.push(new Session(port, queryOf(i), speed));
    if (i % 20 === 19) await sleep(100);
  }
  return all;
}

const waitAll = async (all, ms) => {
  const until = performance.now() + ms;
  while (performance.now() < until && all.some(s => !s.finished)) await sleep(250);
};

async function main() {
  const until = performance.now() + 300000;
  while (!existsSync(file('ready'))) {
    if (clusterExited || performance.now() > until) throw new Error('scripts/cluster did not become ready');
    await sleep(250);
  }
  log(`cluster ready: ${servers} servers behind HAProxy on ${front}`);

  // Any server serves any link: a set uploaded through the front reads back the same from every server.
  const stored = await upload(1);
  if (!stored.id) throw new Error(`the first upload answered ${stored.status}`);
  const reads = await Promise.all(Array.from({ length: servers }, (_, k) => get(portOf(k + 1), `/api/points/${stored.id}`)));
  const linksEverywhere = reads.every(r => r.status === 200 && r.body === reads[0].body);
  log(`set ${stored.id} uploaded through HAProxy reads back the same from every server: ${linksEverywhere}`);

  const queryOf = (steps, s) => i => (i % 2 === 0 ? 'preset=fastai-sgd' : `points=${stored.id}&model=linear&lr=0.001`)
    + `&steps=${steps}&speed=${s}`;
  let baseline = null;
  if (opt.baseline) {
    log(`baseline: ${sessions} sessions straight to server 1, no faults, ${30 * speed} steps`);
    const one = await openSessions(portOf(1), sessions, queryOf(30 * speed, speed));
    await waitAll(one, 120000);
    baseline = summarise(one);
  }

  log(`${sessions} sessions through HAProxy, ${STEPS} steps at ${speed} a second`);
  const live = await openSessions(front, sessions, queryOf(STEPS, speed));
  await sleep(3000);

  for (let k = 1; k <= servers; k++) {
    const pid = pidOf(k);
    log(`rolling restart: SIGTERM to server ${k} (pid ${pid})`);
    process.kill(pid, 'SIGTERM');
    while (existsSync(file(`server-${k}.pid`)) && pidOf(k) === pid) await sleep(100);
    if (!(await healthy(k))) throw new Error(`server ${k} did not come back`);
    await sleep(1500); // HAProxy takes it back after two good checks
    log(`server ${k} is back (pid ${pidOf(k)})`);
  }
  const victim = Math.min(2, servers);
  log(`kill -9 server ${victim} (pid ${pidOf(victim)})`);
  const killedPid = pidOf(victim);
  process.kill(killedPid, 'SIGKILL');
  while (pidOf(victim) === killedPid) await sleep(100);
  if (!(await healthy(victim))) throw new Error(`server ${victim} did not come back`);
  await sleep(1500);
  log(`server ${victim} is back`);

  const probes = [];
  let recoveredMs = null;
  const cluster15 = pg();
  if (cluster15 && dbStopSeconds > 0) {
    const [version, name] = cluster15;
    const before = await upload(2);
    probes.push({ phase: 'before', kind: 'upload', ...before });
    log(`stopping PostgreSQL for ${dbStopSeconds} s`);
    await run('pg_ctlcluster', [version, name, 'stop', '-m', 'fast']);
    const stoppedAt = performance.now();
    let seed = 100;
    while (performance.now() - stoppedAt < dbStopSeconds * 1000) {
      // a link to a set stored just before, opened on each server in turn: from memory where that server has it
      const page = get(portOf(1 + seed % servers), `/?points=${before.id ?? stored.id}&seed=${seed}`);
      const [u, p] = await Promise.all([upload(seed++), page]);
      probes.push({ phase: 'down', kind: 'upload', ...u }, { phase: 'down', kind: 'link', ...p });
      await sleep(250);
    }
    await run('pg_ctlcluster', [version, name, 'start']);
    const startedAt = performance.now();
    log('PostgreSQL started again');
    for (;;) {
      const u = await upload(seed++);
      probes.push({ phase: 'after', kind: 'upload', ...u });
      if (u.status === 201) { recoveredMs = performance.now() - startedAt; break; }
      if (performance.now() - startedAt > 30000) break;
      await sleep(250);
    }
  }

  log(`faults over; the sessions speed up to ${finishSpeed} a second to finish`);
  for (const s of live) s.speedUp(finishSpeed);
  await waitAll(live, (STEPS / finishSpeed) * 1000 + 60000);

  // nothing acknowledged lost: every id answered 201 reads back from every server
  const acknowledged = [stored, ...probes].filter(p => p.id).map(p => p.id);
  let lost = 0;
  for (const id of new Set(acknowledged)) {
    for (let k = 1; k <= servers; k++) if ((await get(portOf(k), `/api/points/${id}`)).status !== 200) lost++;
  }
  const result = summarise(live);
  await stopCluster();
  report(result, baseline, probes, recoveredMs, acknowledged.length, lost, linksEverywhere);
}

function report(r, baseline, probes, recoveredMs, acknowledged, lost, linksEverywhere) {
  const row = (name, s) => `| ${name} | ${s.whole} / ${s.count} | ${s.reconnects} | ${s.resumedBitForBit} | `
    + `${(s.longestStall / 1000).toFixed(2)} s | ${(s.longestReconnectStall / 1000).toFixed(2)} s | `
    + `${(s.longestStreamingStall / 1000).toFixed(2)} s | ${s.lateP99.toFixed(1)} ms | ${s.duplicates} / ${s.gaps} |`;
  console.log('\n| run | sessions whole | reconnects | resumed bit for bit | longest stall | across a reconnect | '
    + 'on one connection | p99 lateness | frames twice / skipped |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  if (baseline) console.log(row(`one server, no faults`, baseline));
  console.log(row(`${servers} servers: rolling restart, kill -9, database stopped ${dbStopSeconds} s`, r));
  const down = probes.filter(p => p.phase === 'down');
  const byStatus = {};
  for (const p of down) byStatus[`${p.kind} ${p.status}`] = (byStatus[`${p.kind} ${p.status}`] ?? 0) + 1;
  const slowest = down.reduce((m, p) => Math.max(m, p.ms), 0);
  const without503RetryAfter = down.filter(p => p.status === 503 && !p.retryAfter).length;
  const fivehundreds = probes.filter(p => p.status >= 500 && p.status !== 503 || p.status === 0).length;
  console.log(`\nstore while PostgreSQL was down: ${JSON.stringify(byStatus)}; slowest answer ${slowest.toFixed(0)} ms; `
    + `503s without Retry-After ${without503RetryAfter}; 500s or no answer ${fivehundreds}`);
  console.log(`store again after it returned: ${recoveredMs === null ? 'NOT within 30 s' : `${(recoveredMs / 1000).toFixed(1)} s`}; `
    + `acknowledged uploads ${acknowledged}, missing from a server afterwards ${lost}; links read the same on every server: ${linksEverywhere}`);
  const worst = [...LONG_STALLS].sort((a, b) => b.ms - a.ms).slice(0, 8).map(s => `${(s.ms / 1000).toFixed(2)} s `
    + `${s.acrossReconnect ? 'across a reconnect' : 'on one connection'} ending at ${(s.endedAt / 1000).toFixed(1)} s`);
  console.log(`stalls over 1 s: ${LONG_STALLS.length}${worst.length ? `; the longest: ${worst.join(', ')}` : ''}`);
  const failures = [];
  if (r.whole !== r.count) failures.push(`${r.count - r.whole} sessions not whole`);
  if (r.longestStall >= maxStall) failures.push(`longest stall ${r.longestStall.toFixed(0)} ms ≥ ${maxStall}`);
  if (fivehundreds || slowest > 5000 || without503RetryAfter) failures.push('the store answered badly while the database was down');
  if (probes.length && recoveredMs === null) failures.push('the store did not recover');
  if (lost || !linksEverywhere) failures.push('a stored set was not readable everywhere');
  if (failures.length) console.log(`\nFAILED: ${failures.join('; ')}`);
  if (opt.assert && failures.length) process.exitCode = 1;
}

main().catch(async e => {
  console.error(e.stack ?? String(e));
  await stopCluster();
  process.exitCode = 1;
}).finally(() => rmSync(dir, { recursive: true, force: true }));
