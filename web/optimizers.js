/**
 * What the page says about the chosen optimizer (SPEC §8): which of its settings apply (so the form shows only
 * those), how its stability limit is written, and why an adaptive optimizer has none. Takes settings as texts
 * by URL key, as the form and the `data` message give them.
 */
import { t } from './i18n.js';

/** The settings each optimizer takes beyond lr, as `Hyperparameters.takes` on the server. */
const TAKES = {
  sgd: ['momentum', 'dampening', 'nesterov', 'weight_decay'],
  adam: ['beta1', 'beta2', 'amsgrad', 'eps', 'weight_decay'],
  rmsprop: ['momentum', 'alpha', 'centered', 'eps', 'weight_decay'],
  adagrad: ['eps', 'weight_decay'],
};

/** Every optimizer-specific key: a field outside this list always applies. */
export const OPTIMIZER_KEYS = [...new Set(Object.values(TAKES).flat())];

/** Whether the field `key` applies to `optimizer`. */
export function applies(optimizer, key) {
  if (!OPTIMIZER_KEYS.includes(key)) return true;
  return (TAKES[optimizer] ?? TAKES.sgd).includes(key);
}

/**
 * The stability limit as a formula for these settings, or null when none applies: heavy ball is stable for
 * lr·(1−τ)·λ < 2(1+μ), Nesterov for lr·λ < 2(1+μ)/(1+2μ); weight decay adds to every curvature.
 */
export function limitFormula(settings = {}) {
  if ((settings.optimizer ?? 'sgd') !== 'sgd') return null;
  const mu = Number(settings.momentum) || 0, damp = Number(settings.dampening) || 0, wd = Number(settings.weight_decay) || 0;
  const lambda = wd > 0 ? '(λmax + wd)' : 'λmax';
  if (mu > 0 && settings.nesterov === '1') return `2(1+μ)/((1+2μ)${lambda})`;
  if (mu > 0 && damp > 0) return `2(1+μ)/((1−τ)${lambda})`;
  return `${mu > 0 ? '2(1+μ)' : '2'}/${lambda}`;
}

/** Why 2/λmax says nothing about an adaptive optimizer, or null for SGD. */
export function adaptiveNote(settings = {}) {
  const name = { adam: 'Adam', rmsprop: 'RMSprop', adagrad: 'Adagrad' }[settings.optimizer];
  if (!name) return null;
  return t('web.limit.adaptive', { optimizer: name });
}
