import { describe, expect, it } from 'vitest';
import type { LlmPresetView, LlmSettingsForm, LlmUsageDay } from './backend';
import {
  applyLlmPreset,
  CUSTOM_PRESET,
  dayKey,
  draftFromSettings,
  emptyLlmDraft,
  formatDay,
  formatUsd,
  hostOf,
  isLocalUrl,
  keyToSend,
  llmStatus,
  parsePrice,
  parseTimeout,
  sortUsage,
  toLlmForm,
  usageTotal,
  validateLlmDraft,
  windowStart,
  type LlmDraft,
} from './llm';

const preset = (over: Partial<LlmPresetView>): LlmPresetView => ({
  id: 'openai',
  label: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  keyHeader: null,
  needsKey: true,
  local: false,
  note: '',
  ...over,
});

const PRESETS: LlmPresetView[] = [
  preset({}),
  preset({ id: 'azure', label: 'Azure OpenAI', baseUrl: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1', model: 'your-deployment-name', keyHeader: 'api-key' }),
  preset({ id: 'deepseek', label: 'DeepSeek', baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-chat' }),
  preset({ id: 'ollama', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2', needsKey: false, local: true }),
];

const SAVED: LlmSettingsForm = {
  enabled: true,
  preset: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  keyHeader: null,
  extraHeaders: [
    ['OpenAI-Organization', 'org-acme'],
    ['X-Team', 'support'],
  ],
  priceInputPerMillion: 0.15,
  priceOutputPerMillion: 0.6,
  maskPersonalData: true,
  timeoutSeconds: 45,
};

const typed = (over: Partial<LlmDraft>): LlmDraft => ({ ...emptyLlmDraft(), ...over });

describe('the draft', () => {
  it('starts empty and custom, switched on, masking on', () => {
    expect(draftFromSettings(null, PRESETS)).toEqual(emptyLlmDraft());
    expect(emptyLlmDraft()).toMatchObject({ enabled: true, presetId: CUSTOM_PRESET, timeout: '60', maskPersonalData: true, apiKey: '' });
  });

  it('reads saved settings back, the organisation header into its own field', () => {
    const draft = draftFromSettings(SAVED, PRESETS);
    expect(draft).toMatchObject({
      presetId: 'openai',
      organization: 'org-acme',
      otherHeaders: [['X-Team', 'support']],
      priceIn: '0.15',
      priceOut: '0.6',
      timeout: '45',
      apiKey: '',
    });
    expect(toLlmForm(draft)).toEqual(SAVED);
    // A preset this version does not know shows as custom; unknown prices as empty.
    expect(draftFromSettings({ ...SAVED, preset: 'gone', priceInputPerMillion: null, priceOutputPerMillion: 0 }, PRESETS)).toMatchObject({
      presetId: CUSTOM_PRESET,
      priceIn: '',
      priceOut: '',
    });
  });

  it('a preset fills the endpoint, model and key header and keeps the rest', () => {
    const start = typed({ apiKey: 'sk-1', organization: 'org-x', priceIn: '1' });
    const azure = applyLlmPreset(start, PRESETS[1]);
    expect(azure).toMatchObject({
      presetId: 'azure',
      baseUrl: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
      model: 'your-deployment-name',
      keyHeader: 'api-key',
      apiKey: 'sk-1',
      organization: 'org-x',
      priceIn: '1',
    });
    const deepseek = applyLlmPreset(azure, PRESETS[2]);
    expect(deepseek).toMatchObject({ presetId: 'deepseek', baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-chat', keyHeader: null });
    expect(applyLlmPreset(deepseek, undefined)).toMatchObject({ presetId: CUSTOM_PRESET, baseUrl: 'https://api.deepseek.com/v1' });
  });

  it('sends trimmed text, no empty organisation header, 0 for unknown prices', () => {
    const form = toLlmForm(typed({ presetId: 'deepseek', baseUrl: ' https://api.deepseek.com/v1 ', model: ' deepseek-chat ', organization: '  ', keyHeader: ' ' }));
    expect(form).toEqual({
      enabled: true,
      preset: 'deepseek',
      baseUrl: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
      keyHeader: null,
      extraHeaders: [],
      priceInputPerMillion: 0,
      priceOutputPerMillion: 0,
      maskPersonalData: true,
      timeoutSeconds: 60,
    });
    expect(toLlmForm(typed({ organization: ' org-1 ' })).extraHeaders).toEqual([['OpenAI-Organization', 'org-1']]);
  });

  it('a typed key replaces the stored one; nothing typed keeps it', () => {
    expect(keyToSend(typed({ apiKey: '' }))).toBeNull();
    expect(keyToSend(typed({ apiKey: '   ' }))).toBeNull();
    expect(keyToSend(typed({ apiKey: ' sk-abc ' }))).toBe('sk-abc');
  });
});

describe('validation', () => {
  it('needs an http(s) URL, a model, prices ≥ 0 and a sensible timeout', () => {
    expect(validateLlmDraft(typed({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }))).toEqual({});
    expect(validateLlmDraft(typed({ baseUrl: '', model: '' }))).toEqual({ baseUrl: 'llmInvalid.baseUrl', model: 'llmInvalid.model' });
    expect(validateLlmDraft(typed({ baseUrl: 'api.openai.com/v1', model: 'm' })).baseUrl).toBe('llmInvalid.baseUrl');
    expect(validateLlmDraft(typed({ baseUrl: 'ftp://x', model: 'm' })).baseUrl).toBe('llmInvalid.baseUrl');
    expect(validateLlmDraft(typed({ baseUrl: 'https://', model: 'm' })).baseUrl).toBe('llmInvalid.baseUrl');
    const numbers = validateLlmDraft(typed({ baseUrl: 'http://localhost:11434/v1', model: 'm', priceIn: '-1', priceOut: 'abc', timeout: '0' }));
    expect(numbers).toEqual({ priceIn: 'llmInvalid.price', priceOut: 'llmInvalid.price', timeout: 'llmInvalid.timeout' });
  });

  it('reads prices and timeouts as typed', () => {
    expect(parsePrice('')).toBe(0);
    expect(parsePrice(' 0.15 ')).toBe(0.15);
    expect(parsePrice('0,6')).toBe(0.6);
    expect(parsePrice('.5')).toBe(0.5);
    expect(parsePrice('2')).toBe(2);
    expect(parsePrice('-0.1')).toBeNull();
    expect(parsePrice('1e3')).toBeNull();
    expect(parseTimeout('60')).toBe(60);
    expect(parseTimeout('4')).toBeNull();
    expect(parseTimeout('601')).toBeNull();
    expect(parseTimeout('1.5')).toBeNull();
  });

  it('knows which URLs stay on this computer, as the backend does', () => {
    expect(isLocalUrl('http://localhost:11434/v1')).toBe(true);
    expect(isLocalUrl('http://127.0.0.1:8080/v1')).toBe(true);
    expect(isLocalUrl('https://api.openai.com/v1')).toBe(false);
    expect(isLocalUrl('http://localhost.example.com/v1')).toBe(false);
    expect(isLocalUrl('http://192.168.1.5:8000/v1')).toBe(false);
    expect(hostOf('https://dashscope.aliyuncs.com/compatible-mode/v1')).toBe('dashscope.aliyuncs.com');
    expect(hostOf('http://localhost:11434/v1')).toBe('localhost:11434');
  });
});

describe('status', () => {
  it('is the offline model until an LLM is saved and switched on', () => {
    expect(llmStatus(null)).toEqual({ kind: 'offline' });
    expect(llmStatus({ settings: null, hasApiKey: false, local: false })).toEqual({ kind: 'offline' });
    expect(llmStatus({ settings: { ...SAVED, enabled: false }, hasApiKey: true, local: false })).toEqual({ kind: 'offline' });
    expect(llmStatus({ settings: SAVED, hasApiKey: true, local: false })).toEqual({ kind: 'cloud', model: 'gpt-4o-mini', host: 'api.openai.com' });
    expect(
      llmStatus({ settings: { ...SAVED, baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' }, hasApiKey: false, local: true }),
    ).toEqual({ kind: 'local', model: 'llama3.2', host: 'localhost:11434' });
  });
});

describe('usage', () => {
  const NOW = Date.UTC(2026, 10, 25, 9, 30);
  const day = (d: string, model: string, calls: number, cost: number | null): LlmUsageDay => ({
    day: d,
    model,
    calls,
    promptTokens: calls * 400,
    completionTokens: calls * 50,
    costUsd: cost,
  });

  it('totals the last 30 UTC days, today included', () => {
    expect(dayKey(NOW)).toBe('2026-11-25');
    expect(windowStart(NOW)).toBe('2026-10-27');
    const days = [
      day('2026-11-25', 'gpt-4o-mini', 10, 0.004),
      day('2026-11-24', 'deepseek-chat', 5, 0.01),
      day('2026-10-27', 'llama3.2', 2, 0),
      day('2026-10-26', 'gpt-4o-mini', 100, 5),
    ];
    expect(usageTotal(days, NOW)).toEqual({ calls: 17, promptTokens: 6_800, completionTokens: 850, costUsd: 0.014 });
    expect(usageTotal([], NOW)).toEqual({ calls: 0, promptTokens: 0, completionTokens: 0, costUsd: null });
    expect(usageTotal([day('2026-11-25', 'm', 1, null)], NOW).costUsd).toBeNull();
  });

  it('sorts newest first, then by model', () => {
    const sorted = sortUsage([day('2026-11-24', 'b', 1, 0), day('2026-11-25', 'z', 1, 0), day('2026-11-24', 'a', 1, 0)]);
    expect(sorted.map((d) => `${d.day} ${d.model}`)).toEqual(['2026-11-25 z', '2026-11-24 a', '2026-11-24 b']);
  });

  it('shows dollars with four decimals under a cent, else two', () => {
    expect(formatUsd(0.004041)).toBe('$0.0040');
    expect(formatUsd(0.00004)).toBe('$0.0000');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(0.1176)).toBe('$0.12');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(null)).toBe('—');
  });

  it('shows a day as a short date in the language', () => {
    expect(formatDay('2026-11-24', 'en')).toBe('Nov 24');
    expect(formatDay('2026-11-24', 'zh-CN')).toBe('11月24日');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});
