import { describe, expect, it, vi } from 'vitest';
import { BackendError, type Backend, type LlmSettingsForm, type LlmSettingsView } from '../backend';
import { LlmState } from './llm.svelte';

const FORM: LlmSettingsForm = {
  enabled: true,
  preset: 'deepseek',
  baseUrl: 'https://api.deepseek.com/v1',
  model: 'deepseek-chat',
  keyHeader: null,
  extraHeaders: [],
  priceInputPerMillion: 0.27,
  priceOutputPerMillion: 1.1,
  maskPersonalData: true,
  timeoutSeconds: 60,
};

function fake(initial: LlmSettingsView = { settings: null, hasApiKey: false, local: false }) {
  let stored = initial;
  const backend = {
    llmPresets: vi.fn(async () => []),
    getLlmSettings: vi.fn(async () => stored),
    saveLlmSettings: vi.fn(async (form: LlmSettingsForm, apiKey: string | null) => {
      stored = { settings: form, hasApiKey: apiKey === null ? stored.hasApiKey : apiKey !== '', local: false };
      return stored;
    }),
    testLlmSettings: vi.fn(async () => ({ ok: true, message: 'ok', category: 'shipping', latencyMs: 5, tokens: 9, failure: null })),
    llmUsage: vi.fn(async () => [{ day: '2026-11-24', model: 'deepseek-chat', calls: 3, promptTokens: 10, completionTokens: 2, costUsd: 0.001 }]),
  } satisfies Partial<Backend>;
  const report = vi.fn();
  const llm = new LlmState(backend as unknown as Backend, report);
  return { llm, backend, report };
}

describe('LlmState', () => {
  it('reads presets once, and the settings and usage every time', async () => {
    const f = fake();
    expect(f.llm.loaded).toBe(false);
    expect(f.llm.status).toEqual({ kind: 'offline' });
    await f.llm.load();
    await f.llm.load();
    expect(f.backend.llmPresets).toHaveBeenCalledTimes(1);
    expect(f.backend.getLlmSettings).toHaveBeenCalledTimes(2);
    expect(f.backend.llmUsage).toHaveBeenCalledTimes(2);
    expect(f.llm.loaded).toBe(true);
    expect(f.llm.usageLoaded).toBe(true);
    expect(f.llm.usage).toHaveLength(1);
  });

  it('saving updates the status; removing the key keeps the saved settings', async () => {
    const f = fake();
    await f.llm.load();
    await f.llm.save(FORM, 'sk-live');
    expect(f.backend.saveLlmSettings).toHaveBeenLastCalledWith(FORM, 'sk-live');
    expect(f.llm.status).toEqual({ kind: 'cloud', model: 'deepseek-chat', host: 'api.deepseek.com' });
    expect(f.llm.view?.hasApiKey).toBe(true);

    await f.llm.removeKey();
    expect(f.backend.saveLlmSettings).toHaveBeenLastCalledWith(FORM, '');
    expect(f.llm.view).toMatchObject({ settings: FORM, hasApiKey: false });
  });

  it('leaves form errors to the form and reports load errors', async () => {
    const f = fake();
    f.backend.saveLlmSettings.mockRejectedValueOnce(new BackendError('invalid_llm', 'the model name is needed'));
    await expect(f.llm.save(FORM, null)).rejects.toMatchObject({ code: 'invalid_llm' });
    expect(f.report).not.toHaveBeenCalled();
    await expect(f.llm.removeKey()).rejects.toThrow('no LLM settings are saved');

    f.backend.getLlmSettings.mockRejectedValueOnce(new BackendError('io', 'disk full'));
    await f.llm.load();
    expect(f.report).toHaveBeenCalledWith(expect.objectContaining({ code: 'io' }));
    expect(f.llm.loaded).toBe(false);
  });

  it('tests with the form and the typed key (null: the stored one)', async () => {
    const f = fake();
    await expect(f.llm.test(FORM, null)).resolves.toMatchObject({ ok: true, category: 'shipping' });
    expect(f.backend.testLlmSettings).toHaveBeenCalledWith(FORM, null);
  });
});
