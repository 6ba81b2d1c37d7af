// Pure logic of the offline model's section in the AI settings: where a retrain stands (from the
// model-training events), its progress, and how the model's status reads. No Svelte, no backend.
import type { ModelTraining } from './backend';
import { relativeAge } from './format';
import { translate, type Locale, type MessageKey } from './i18n/index.svelte';

/** The app retrains by itself once this many new labels came in (worker::RETRAIN_AFTER_LABELS). */
export const RETRAIN_AFTER_LABELS = 20;
/** How long "Retrained on N examples" stays. */
export const DONE_SHOWN_MS = 4_000;
/** A retrain asked for but not started after this long (no event) is no longer shown as starting. */
export const EXPECT_TRAINING_MS = 120_000;

/** Where a retrain stands, as the agent sees it. */
export type Training =
  | { phase: 'idle' }
  /** Asked for; the first progress event has not come yet. */
  | { phase: 'waiting' }
  | { phase: 'training'; done: number; total: number }
  | { phase: 'done'; examples: number }
  /** `message` in plain words, null when the backend gave none. */
  | { phase: 'failed'; message: string | null };

export const IDLE: Training = { phase: 'idle' };

/** The state after a model-training event; an unknown event state leaves it as it is. */
export function applyTraining(current: Training, event: ModelTraining): Training {
  switch (event.state) {
    case 'training':
      return { phase: 'training', done: Math.max(0, event.done), total: Math.max(0, event.total) };
    case 'done':
      return { phase: 'done', examples: event.examples };
    case 'failed': {
      const message = event.message?.trim();
      return { phase: 'failed', message: message ? message : null };
    }
    default:
      return current;
  }
}

/** True while a retrain is asked for or running (the Retrain button waits). */
export function isTraining(training: Training): boolean {
  return training.phase === 'waiting' || training.phase === 'training';
}

/** Whole percent of `done` out of `total`, 0..100 (0 when the total is not known yet). */
export function trainingPercent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

const MINUTE = 60_000;
const MONTH = 30 * 24 * 60 * MINUTE;

function count(locale: Locale, n: number, one: MessageKey, other: MessageKey): string {
  return translate(locale, n === 1 ? one : other, { n: new Intl.NumberFormat(locale).format(n) });
}

/** "Learnt from 412 examples". */
export function examplesText(examples: number, locale: Locale): string {
  return count(locale, examples, 'offlineModel.examplesOne', 'offlineModel.examples');
}

/** "trained just now" / "trained 2d ago" / "trained on Jun 3" / "not trained yet". */
export function trainedText(trainedAt: number | null, now: number, locale: Locale): string {
  if (trainedAt === null) return translate(locale, 'offlineModel.neverTrained');
  const diff = now - trainedAt;
  if (diff < MINUTE) return translate(locale, 'offlineModel.trainedJustNow');
  if (diff < MONTH) return translate(locale, 'offlineModel.trainedAgo', { age: relativeAge(trainedAt, now, locale) });
  return translate(locale, 'offlineModel.trainedOn', { date: relativeAge(trainedAt, now, locale) });
}

/** "7 new labels since". */
export function newLabelsText(newLabels: number, locale: Locale): string {
  return count(locale, newLabels, 'offlineModel.newLabelsOne', 'offlineModel.newLabels');
}

/** "Retrained on 419 examples". */
export function retrainedText(examples: number, locale: Locale): string {
  return count(locale, examples, 'offlineModel.retrainedOne', 'offlineModel.retrained');
}
