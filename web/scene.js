/** Turns a run into what the plot draws: ranges, the curve, the predictions, the least-squares reference, the legend. */
import { sampleCurve, predictionsAt, plotRanges, toOriginal } from './curves.js';
import { t } from './i18n.js';

export function plotScene(run, colors) {
  const { data } = run;
  const points = data.points;
  const ranges = run.ranges ?? plotRanges(points, null);
  const fastbook = run.look === 'fastbook';
  const inX = params => toOriginal(params, data.standardisation); // a standardised run's curve, in the points' units
  const scene = {
    xRange: ranges.x,
    yRange: ranges.y,
    points,
    colors: {
      ...colors,
      points: fastbook ? colors.fastbookPoints : colors.lessonPoints,
      curve: fastbook ? colors.fastbookCurve : colors.lessonCurve,
      predictions: colors.fastbookPredictions,
      trail: fastbook ? colors.fastbookPredictions : colors.lessonCurve,
    },
    xLabel: fastbook ? t('web.plot.time') : 'x',
    yLabel: fastbook ? t('web.plot.speed') : 'y',
    reference: sampleCurve(inX(data.optimum.params), ranges.x),
  };
  scene.trail = run.trail.filter(t => t.iter < run.iter).slice(-11).map(t => sampleCurve(inX(t.params), ranges.x));
  if (run.params) {
    scene.curve = sampleCurve(inX(run.params), ranges.x);
    if (fastbook) scene.predictions = predictionsAt(inX(run.params), points.x);
  }
  scene.legend = [
    { label: t(fastbook ? 'web.plot.measuredSpeed' : 'web.plot.data'), kind: 'dot', color: scene.colors.points },
    fastbook
      ? { label: t('web.plot.predictions'), kind: 'dot', color: scene.colors.predictions }
      : { label: t('web.plot.model', { formula: data.model.formula }), kind: 'line', color: scene.colors.curve },
    { label: t('web.plot.bestFit'), kind: 'dashed', color: colors.reference },
  ];
  scene.legend.splice(2, 0, { label: t('web.plot.earlierSteps'), kind: 'faint', color: scene.colors.trail });
  const rows = run.path[run.path.length - 1]?.batch;
  if (rows) {
    scene.batch = { x: rows.map(i => points.x[i]), y: rows.map(i => points.y[i]) };
    scene.legend.push({ label: t('web.plot.batch'), kind: 'ring', color: colors.text });
  }
  return scene;
}

/** The plot's and the loss chart's scenes for `run`, a race's lanes drawn on them. */
export function scenes(run, colors) {
  const plot = plotScene(run, colors), loss = lossScene(run, colors);
  run.race?.decoratePlot(plot, run.data);
  run.race?.decorateLoss(loss);
  return { plot, loss };
}

export function lossScene(run, colors) {
  return {
    history: run.history,
    steps: run.steps,
    floor: run.data?.optimum.loss ?? null,
    colors,
    diverged: run.outcome === 'diverged',
  };
}
