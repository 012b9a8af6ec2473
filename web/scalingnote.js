/**
 * The note beside the `standardize` switch, about the points on screen: how far x reaches, so how big the model's
 * top feature x^d gets beside the constant feature 1, and where x' = (x − mean)/sd puts them. Features far from 1
 * give curvatures orders of magnitude apart, so one learning rate cannot suit every parameter; features near 1
 * leave little for scaling to do. The server's page.ScalingNote writes the same words at page load.
 */
import { formatNumber as n } from './format.js';
import { t } from './i18n.js';

/** A top feature within this factor of 1 either way is "about as big as the constant". */
const ALIKE = 4;
/** A mean this small beside the spread is rounding, not a shift: the points are centred already. */
const CENTRED = 1e-9;

/**
 * @param xs the inputs; @param scaling their {mean, scale} (computed from them when not given); @param names the
 * model's parameters, highest power's first; @param variable what the input is called (`t` on the roller coaster)
 */
export function scalingNote(xs, scaling, names, variable) {
  const { mean, scale } = scaling ?? standardisation(xs);
  const apply = x => (x - mean) / scale;
  const degree = names.length - 1;
  let lo = Infinity, hi = -Infinity, far = 0, farScaled = 0;
  for (const x of xs) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
    if (Math.abs(x) > Math.abs(far)) far = x;
    if (Math.abs(apply(x)) > Math.abs(farScaled)) farScaled = apply(x);
  }
  const feature = Math.pow(far, degree), scaledFeature = Math.pow(farScaled, degree);
  const top = power(variable, degree), runs = t('web.scaling.runs', { variable, lo: n(lo), hi: n(hi) });
  const shift = Math.abs(mean) <= CENTRED * scale ? variable
    : `(${variable}${mean > 0 ? ` − ${n(mean)}` : ` + ${n(-mean)}`})`;
  const scaled = t('web.scaling.scaled', { shifted: shift, scale: n(scale), lo: n(apply(lo)), hi: n(apply(hi)) });
  if (Math.abs(feature) >= 1 / ALIKE && Math.abs(feature) <= ALIKE) {
    return t('web.scaling.alike', { runs, top, feature: n(feature), scaled });
  }
  return t(Math.abs(feature) > ALIKE ? 'web.scaling.big' : 'web.scaling.small', {
    runs, top, feature: n(feature), first: names[0], last: names[degree], scaled,
    scaledTop: power("x'", degree), scaledFeature: n(scaledFeature),
  });
}

/** The mean and population standard deviation, summed in order, as analysis.Standardisation.of does (sd 0 → 1). */
export function standardisation(xs) {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let variance = 0;
  for (const x of xs) variance += (x - mean) * (x - mean);
  const sd = Math.sqrt(variance / xs.length);
  return { mean, scale: sd > 0 ? sd : 1 };
}

function power(variable, degree) {
  return variable + ({ 1: '', 2: '²', 3: '³' }[degree] ?? `^${degree}`);
}
