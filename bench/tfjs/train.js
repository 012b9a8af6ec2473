// The TensorFlow.js baseline for POST /api/train: the same work done the usual TensorFlow.js way.
//
// 200 full-batch SGD steps on 10 000 points of the lesson-2 line (x ~ U(-1, 1), y = 3x + 2 + U(0, 1)), from
// init 0.5, 0.75 (linear) or 0.5, 0.75, -0.25 (quadratic), learning rate 0.1. Like the API, every step yields a
// frame: the loss, the parameters and the gradient (tf.variableGrads), then SGD applies the gradient.
// A second variant, optimizer.minimize(), reads only the loss: TensorFlow.js's fastest way to run the loop.
//
// @tensorflow/tfjs on its pure JavaScript CPU backend: no native binary (tfjs-node), no browser. TensorFlow.js
// computes in float32 (the playground in float64), which if anything flatters TensorFlow.js.
// Usage: node train.js [--n 10000] [--steps 200] [--reps 5]
import * as tf from '@tensorflow/tfjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 10000), STEPS = arg('steps', 200), REPS = arg('reps', 5), LR = 0.1;

await tf.setBackend('cpu');
await tf.ready();

/** A small seeded generator (mulberry32), so every run trains on the same points. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function points(n) {
  const rand = random(42), xs = new Float32Array(n), ys = new Float32Array(n);
  for (let i = 0; i < n; i++) xs[i] = -1 + 2 * rand();
  for (let i = 0; i < n; i++) ys[i] = 3 * xs[i] + 2 + rand();
  return { xs, ys };
}

const MODELS = {
  linear: { init: [0.5, 0.75], predict: (x, [a, b]) => tf.add(tf.mul(x, a), b) },
  quadratic: { init: [0.5, 0.75, -0.25], predict: (x, [a, b, c]) => tf.add(tf.add(tf.mul(tf.square(x), a), tf.mul(x, b)), c) },
};

/** mean((f(x) − y)²) */
const lossOf = (model, x, y, params) => () => tf.mean(tf.square(tf.sub(model.predict(x, params), y)));

/** One run of STEPS updates; returns its frames. */
function trainWithFrames(model, x, y) {
  const params = model.init.map((v) => tf.variable(tf.scalar(v)));
  const optimizer = tf.train.sgd(LR);
  const frames = [];
  for (let i = 0; i <= STEPS; i++) {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(lossOf(model, x, y, params), params);
      frames.push({
        iter: i,
        loss: value.dataSync()[0],
        params: params.map((p) => p.dataSync()[0]),
        grad: params.map((p) => grads[p.name].dataSync()[0]),
      });
      if (i < STEPS) optimizer.applyGradients(grads);
    });
  }
  params.forEach((p) => p.dispose());
  optimizer.dispose();
  return frames;
}

/** The same updates through optimizer.minimize, reading back only the last loss. */
function trainWithMinimize(model, x, y) {
  const params = model.init.map((v) => tf.variable(tf.scalar(v)));
  const optimizer = tf.train.sgd(LR);
  let last;
  for (let i = 0; i < STEPS; i++) {
    const loss = optimizer.minimize(lossOf(model, x, y, params), i === STEPS - 1, params);
    if (loss) last = loss.dataSync()[0];
  }
  params.forEach((p) => p.dispose());
  optimizer.dispose();
  return last;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(run) {
  run(); // warm-up: the JavaScript JIT and TensorFlow.js's kernel set-up
  const ms = [];
  for (let r = 0; r < REPS; r++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

const { xs, ys } = points(N);
const x = tf.tensor1d(xs, 'float32'), y = tf.tensor1d(ys, 'float32');
console.log(`TensorFlow.js ${tf.version.tfjs}, backend ${tf.getBackend()}, node ${process.version}; n = ${N}, ${STEPS} steps, median of ${REPS} runs`);
for (const [name, model] of Object.entries(MODELS)) {
  const frames = trainWithFrames(model, x, y);
  const last = frames[frames.length - 1];
  const withFrames = time(() => trainWithFrames(model, x, y));
  const withMinimize = time(() => trainWithMinimize(model, x, y));
  console.log(`${name.padEnd(9)}  frames: ${withFrames.toFixed(1)} ms (${(withFrames / STEPS).toFixed(3)} ms/step)`
    + `   minimize: ${withMinimize.toFixed(1)} ms (${(withMinimize / STEPS).toFixed(3)} ms/step)`
    + `   last loss ${last.loss.toPrecision(6)}, params ${last.params.map((v) => v.toPrecision(5)).join(', ')}`);
  // for bench/run-all: the faster of the two, so the comparison never flatters the playground
  console.log(`TFJS_MS_PER_STEP ${name} ${(Math.min(withFrames, withMinimize) / STEPS).toFixed(4)}`);
}
x.dispose();
y.dispose();
