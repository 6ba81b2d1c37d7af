// The offline model: its status (examples, when trained, labels it has not seen yet) and where a
// retrain stands. Listens for model-training events for the app's whole life, so a retrain the app
// starts by itself shows too, also when the AI settings open halfway through it.
import { toBackendError, type Backend, type ModelStatus, type ModelTraining, type Unlisten } from '../backend';
import { applyTraining, DONE_SHOWN_MS, EXPECT_TRAINING_MS, IDLE, isTraining, type Training } from '../offlineModel';

export class OfflineModelState {
  /** Null until read. */
  status = $state.raw<ModelStatus | null>(null);
  /** True once the status was read at least once. */
  loaded = $state(false);
  training = $state.raw<Training>(IDLE);

  private doneTimer: ReturnType<typeof setTimeout> | undefined;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly backend: Backend;
  private readonly report: (err: unknown) => void;

  /** `report` shows an error to the agent. */
  constructor(backend: Backend, report: (err: unknown) => void) {
    this.backend = backend;
    this.report = report;
  }

  /** A retrain is asked for or running. */
  get busy(): boolean {
    return isTraining(this.training);
  }

  listen(): Promise<Unlisten> {
    return this.backend.onModelTraining((event) => this.apply(event));
  }

  stop(): void {
    clearTimeout(this.doneTimer);
    clearTimeout(this.waitTimer);
  }

  async load(): Promise<void> {
    try {
      this.status = await this.backend.offlineModelStatus();
      this.loaded = true;
    } catch (err) {
      this.report(err);
    }
  }

  /** Asks for a retrain now; how it goes comes as events. A refused request shows as failed. */
  async retrain(): Promise<void> {
    if (this.busy) return;
    this.set({ phase: 'waiting' });
    // The request returns at once; if the background task never starts, stop showing it as starting.
    this.waitTimer = setTimeout(() => {
      if (this.training.phase === 'waiting') this.set(IDLE);
    }, EXPECT_TRAINING_MS);
    try {
      await this.backend.retrainOfflineModel();
    } catch (err) {
      if (this.training.phase === 'waiting') this.set({ phase: 'failed', message: toBackendError(err).message });
    }
  }

  apply(event: ModelTraining): void {
    const next = applyTraining(this.training, event);
    if (next === this.training) return;
    this.set(next);
    if (next.phase === 'done') {
      // The confirmation stays a moment; the status now has the new count and no unseen labels.
      this.doneTimer = setTimeout(() => {
        if (this.training === next) this.set(IDLE);
      }, DONE_SHOWN_MS);
      void this.load();
    }
  }

  private set(training: Training): void {
    clearTimeout(this.doneTimer);
    clearTimeout(this.waitTimer);
    this.training = training;
  }
}
