import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError, type Backend, type ModelStatus, type ModelTraining } from '../backend';
import { DONE_SHOWN_MS, EXPECT_TRAINING_MS } from '../offlineModel';
import { OfflineModelState } from './offlineModel.svelte';

function fake() {
  let status: ModelStatus = { name: 'local-nb-v1', examples: 412, trainedAt: 1_000, newLabels: 7 };
  let listener: ((e: ModelTraining) => void) | null = null;
  const backend = {
    offlineModelStatus: vi.fn(async () => status),
    retrainOfflineModel: vi.fn(async () => {}),
    onModelTraining: vi.fn(async (cb: (e: ModelTraining) => void) => {
      listener = cb;
      return () => (listener = null);
    }),
  } satisfies Partial<Backend>;
  const report = vi.fn();
  const model = new OfflineModelState(backend as unknown as Backend, report);
  const send = (state: string, over: Partial<ModelTraining> = {}) =>
    listener?.({ state, done: 0, total: 1, examples: 0, message: null, ...over });
  const setStatus = (next: ModelStatus) => (status = next);
  return { model, backend, report, send, setStatus };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('OfflineModelState', () => {
  it('reads the status; a failed read is reported', async () => {
    const f = fake();
    expect(f.model.loaded).toBe(false);
    await f.model.load();
    expect(f.model.status).toMatchObject({ examples: 412, newLabels: 7 });
    expect(f.model.loaded).toBe(true);

    f.backend.offlineModelStatus.mockRejectedValueOnce(new BackendError('io', 'disk full'));
    await f.model.load();
    expect(f.report).toHaveBeenCalledWith(expect.objectContaining({ code: 'io' }));
    expect(f.model.status).toMatchObject({ examples: 412 });
  });

  it('retrain: waits for the first event, shows progress, then done for a moment with the new status', async () => {
    const f = fake();
    const off = await f.model.listen();
    await f.model.load();
    await f.model.retrain();
    expect(f.backend.retrainOfflineModel).toHaveBeenCalledTimes(1);
    expect(f.model.training).toEqual({ phase: 'waiting' });
    expect(f.model.busy).toBe(true);
    // Asking again while it runs does nothing.
    await f.model.retrain();
    expect(f.backend.retrainOfflineModel).toHaveBeenCalledTimes(1);

    f.send('training', { done: 9, total: 36 });
    expect(f.model.training).toEqual({ phase: 'training', done: 9, total: 36 });
    f.setStatus({ name: 'local-nb-v1', examples: 419, trainedAt: 2_000, newLabels: 0 });
    f.send('done', { done: 1, total: 1, examples: 419 });
    expect(f.model.training).toEqual({ phase: 'done', examples: 419 });
    expect(f.model.busy).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.model.status).toMatchObject({ examples: 419, newLabels: 0 });
    expect(f.backend.offlineModelStatus).toHaveBeenCalledTimes(2);

    vi.advanceTimersByTime(DONE_SHOWN_MS - 1);
    expect(f.model.training.phase).toBe('done');
    vi.advanceTimersByTime(1);
    expect(f.model.training).toEqual({ phase: 'idle' });
    off();
  });

  it('a failure stays with its reason until the next retrain', async () => {
    const f = fake();
    await f.model.listen();
    await f.model.retrain();
    f.send('training', { done: 3, total: 36 });
    f.send('failed', { message: 'training stopped: out of memory' });
    expect(f.model.training).toEqual({ phase: 'failed', message: 'training stopped: out of memory' });
    vi.advanceTimersByTime(EXPECT_TRAINING_MS * 2);
    expect(f.model.training.phase).toBe('failed');
    expect(f.backend.offlineModelStatus).not.toHaveBeenCalled();

    await f.model.retrain();
    expect(f.model.training).toEqual({ phase: 'waiting' });
  });

  it('shows a retrain the app started by itself', async () => {
    const f = fake();
    await f.model.listen();
    f.send('training', { done: 0, total: 1 });
    expect(f.model.busy).toBe(true);
    f.send('done', { examples: 430 });
    expect(f.model.training).toEqual({ phase: 'done', examples: 430 });
  });

  it('a refused request shows as failed; a retrain that never starts stops showing', async () => {
    const f = fake();
    f.backend.retrainOfflineModel.mockRejectedValueOnce(new BackendError('ipc', 'command retrain_offline_model not found'));
    await f.model.retrain();
    expect(f.model.training).toEqual({ phase: 'failed', message: 'command retrain_offline_model not found' });

    await f.model.retrain();
    expect(f.model.training.phase).toBe('waiting');
    vi.advanceTimersByTime(EXPECT_TRAINING_MS);
    expect(f.model.training).toEqual({ phase: 'idle' });
  });

  it('stop clears the timers', async () => {
    const f = fake();
    await f.model.listen();
    f.send('done', { examples: 419 });
    f.model.stop();
    vi.advanceTimersByTime(DONE_SHOWN_MS * 2);
    expect(f.model.training.phase).toBe('done');
  });
});
