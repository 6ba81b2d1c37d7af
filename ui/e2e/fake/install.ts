// Installed into the page before the app boots (Playwright addInitScript): replaces the Tauri
// IPC with the in-memory FakeWorkspace and exposes controls to the tests as window.__sbFake.
import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type { AppError } from '../../src/lib/backend';
import { FakeWorkspace, type FakeConfig } from './workspace';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeControls {
  calls: Call[];
  /** Make every call of `cmd` fail with `error` (null: stop failing). */
  failAlways(cmd: string, error: AppError | null): void;
  /** Make the next call of `cmd` fail with `error`. */
  failNext(cmd: string, error: AppError): void;
  setOutboxState(outboxId: number, state: 'queued' | 'sending' | 'sent' | 'failed', error?: string | null): Promise<void>;
  /** Retrains the offline model as the app does by itself after enough new labels. */
  retrainModel(): void;
  /** Makes the LLM fail every draft with `reason` (null: it writes them again). */
  failLlmDrafts(reason: string | null): void;
  emit(event: string, payload: unknown): Promise<void>;
  /** Deletes a ticket from the fake's store without telling the app (a ticket gone behind its back). */
  forgetTicket(ticketId: number): void;
}

declare global {
  interface Window {
    __SB_FAKE_CONFIG__?: FakeConfig;
    __sbFake?: FakeControls;
  }
}

const config: FakeConfig = window.__SB_FAKE_CONFIG__ ?? {};
const fireEvent = (event: string, payload: unknown) => emit(event, payload);
const workspace = new FakeWorkspace(config, fireEvent);
const always = new Map<string, AppError>();
const once = new Map<string, AppError>(Object.entries(config.failOnce ?? {}));
const calls: Call[] = [];

mockWindows('main');
mockIPC(
  async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: structuredClone(args) });
    const scripted = once.get(cmd) ?? always.get(cmd);
    if (scripted) {
      once.delete(cmd);
      throw scripted;
    }
    return workspace.handle(cmd, args);
  },
  { shouldMockEvents: true },
);

window.__sbFake = {
  calls,
  failAlways: (cmd, error) => (error ? always.set(cmd, error) : always.delete(cmd)),
  failNext: (cmd, error) => once.set(cmd, error),
  setOutboxState: (id, state, error = null) => workspace.setOutboxState(id, state, error),
  retrainModel: () => workspace.retrainModel(),
  failLlmDrafts: (reason) => workspace.failLlmDrafts(reason),
  emit: fireEvent,
  forgetTicket: (id) => workspace.forgetTicket(id),
};
