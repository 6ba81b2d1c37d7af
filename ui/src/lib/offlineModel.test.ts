import { describe, expect, it } from 'vitest';
import type { ModelTraining } from './backend';
import {
  applyTraining,
  examplesText,
  IDLE,
  isTraining,
  newLabelsText,
  retrainedText,
  trainedText,
  trainingPercent,
  type Training,
} from './offlineModel';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function event(state: string, over: Partial<ModelTraining> = {}): ModelTraining {
  return { state, done: 0, total: 0, examples: 0, message: null, ...over };
}

describe('applyTraining', () => {
  it('follows a retrain from progress to done', () => {
    let t: Training = { phase: 'waiting' };
    t = applyTraining(t, event('training', { done: 0, total: 1 }));
    expect(t).toEqual({ phase: 'training', done: 0, total: 1 });
    t = applyTraining(t, event('training', { done: 12, total: 36 }));
    expect(t).toEqual({ phase: 'training', done: 12, total: 36 });
    expect(isTraining(t)).toBe(true);
    t = applyTraining(t, event('done', { done: 1, total: 1, examples: 419 }));
    expect(t).toEqual({ phase: 'done', examples: 419 });
    expect(isTraining(t)).toBe(false);
  });

  it('keeps the reason of a failure, or none when it is blank', () => {
    expect(applyTraining(IDLE, event('failed', { message: ' training stopped: out of memory ' }))).toEqual({
      phase: 'failed',
      message: 'training stopped: out of memory',
    });
    expect(applyTraining(IDLE, event('failed', { message: '  ' }))).toEqual({ phase: 'failed', message: null });
    expect(applyTraining(IDLE, event('failed'))).toEqual({ phase: 'failed', message: null });
  });

  it('shows a retrain the app started by itself, and ignores unknown states', () => {
    expect(applyTraining(IDLE, event('training', { done: 3, total: 36 }))).toEqual({ phase: 'training', done: 3, total: 36 });
    const current: Training = { phase: 'training', done: 3, total: 36 };
    expect(applyTraining(current, event('paused'))).toBe(current);
  });

  it('counts waiting as training', () => {
    expect(isTraining({ phase: 'waiting' })).toBe(true);
    expect(isTraining(IDLE)).toBe(false);
    expect(isTraining({ phase: 'failed', message: null })).toBe(false);
  });
});

describe('trainingPercent', () => {
  it('rounds and clamps', () => {
    expect(trainingPercent(0, 36)).toBe(0);
    expect(trainingPercent(12, 36)).toBe(33);
    expect(trainingPercent(36, 36)).toBe(100);
    expect(trainingPercent(40, 36)).toBe(100);
    expect(trainingPercent(-1, 36)).toBe(0);
  });

  it('is 0 while the total is unknown', () => {
    expect(trainingPercent(0, 0)).toBe(0);
    expect(trainingPercent(5, 0)).toBe(0);
  });
});

describe('status texts', () => {
  it('counts examples and new labels', () => {
    expect(examplesText(412, 'en')).toBe('Learnt from 412 examples');
    expect(examplesText(1, 'en')).toBe('Learnt from 1 example');
    expect(examplesText(12_400, 'en')).toBe('Learnt from 12,400 examples');
    expect(examplesText(412, 'zh-CN')).toBe('已从 412 个样本中学习');
    expect(newLabelsText(7, 'en')).toBe('7 new labels since');
    expect(newLabelsText(1, 'en')).toBe('1 new label since');
    expect(newLabelsText(0, 'en')).toBe('0 new labels since');
    expect(newLabelsText(7, 'zh-CN')).toBe('此后新增 7 个标注');
    expect(retrainedText(419, 'en')).toBe('Retrained on 419 examples');
    expect(retrainedText(419, 'zh-CN')).toBe('已用 419 个样本重新训练');
  });

  it('says when the model was trained', () => {
    expect(trainedText(null, NOW, 'en')).toBe('not trained yet');
    expect(trainedText(NOW - 20_000, NOW, 'en')).toBe('trained just now');
    // The app clock ticks every 30 s, so a model trained a moment ago can look newer than "now".
    expect(trainedText(NOW + 20_000, NOW, 'en')).toBe('trained just now');
    expect(trainedText(NOW - 5 * MIN, NOW, 'en')).toBe('trained 5m ago');
    expect(trainedText(NOW - 2 * DAY, NOW, 'en')).toBe('trained 2d ago');
    expect(trainedText(NOW - 2 * DAY, NOW, 'zh-CN')).toBe('2天前训练');
    expect(trainedText(Date.UTC(2026, 5, 3, 12), NOW, 'en')).toBe('trained on Jun 3');
    expect(trainedText(NOW - 20_000, NOW, 'zh-CN')).toBe('刚刚训练');
  });
});
