// Pure logic of the AI settings (the LLM that classifies tickets): the form's draft and what it sends
// to the backend, provider presets, validation, the status line, and the usage table's sums and money.
// No Svelte, no backend.
import type { LlmPresetView, LlmSettingsForm, LlmSettingsView, LlmUsageDay } from './backend';
import type { MessageKey } from './i18n/index.svelte';

/** The preset picker's "Other (OpenAI-compatible)" entry. */
export const CUSTOM_PRESET = 'custom';

/** The extra header the organisation field fills. */
export const ORG_HEADER = 'OpenAI-Organization';

export const DEFAULT_TIMEOUT_SECONDS = 60;
export const MIN_TIMEOUT_SECONDS = 5;
export const MAX_TIMEOUT_SECONDS = 600;

/** What the form edits, as typed (numbers stay text until they are sent). */
export interface LlmDraft {
  enabled: boolean;
  /** A preset id or CUSTOM_PRESET. */
  presetId: string;
  baseUrl: string;
  model: string;
  /** Header carrying the key instead of `Authorization: Bearer` (Azure's `api-key`); from the preset. */
  keyHeader: string | null;
  /** A new key; empty keeps the stored one. */
  apiKey: string;
  /** The `OpenAI-Organization` header's value; empty sends none. */
  organization: string;
  /** Saved extra headers the form has no field for; sent back unchanged. */
  otherHeaders: [string, string][];
  /** USD per million tokens; empty means unknown (0). */
  priceIn: string;
  priceOut: string;
  timeout: string;
  maskPersonalData: boolean;
}

export function emptyLlmDraft(): LlmDraft {
  return {
    enabled: true,
    presetId: CUSTOM_PRESET,
    baseUrl: '',
    model: '',
    keyHeader: null,
    apiKey: '',
    organization: '',
    otherHeaders: [],
    priceIn: '',
    priceOut: '',
    timeout: String(DEFAULT_TIMEOUT_SECONDS),
    maskPersonalData: true,
  };
}

function priceText(price: number | null): string {
  return price === null || price === 0 ? '' : String(price);
}

/** The draft for the saved settings (a fresh one when nothing was ever saved); the key starts empty. */
export function draftFromSettings(settings: LlmSettingsForm | null, presets: readonly LlmPresetView[]): LlmDraft {
  if (!settings) return emptyLlmDraft();
  const org = settings.extraHeaders.find(([name]) => name.toLowerCase() === ORG_HEADER.toLowerCase());
  const known = presets.some((p) => p.id === settings.preset);
  return {
    enabled: settings.enabled,
    presetId: known ? settings.preset : CUSTOM_PRESET,
    baseUrl: settings.baseUrl,
    model: settings.model,
    keyHeader: settings.keyHeader,
    apiKey: '',
    organization: org?.[1] ?? '',
    otherHeaders: settings.extraHeaders.filter((h) => h !== org),
    priceIn: priceText(settings.priceInputPerMillion),
    priceOut: priceText(settings.priceOutputPerMillion),
    timeout: String(settings.timeoutSeconds || DEFAULT_TIMEOUT_SECONDS),
    maskPersonalData: settings.maskPersonalData,
  };
}

/** Fills the endpoint, model and key header from a preset; none switches the picker to custom. */
export function applyLlmPreset(draft: LlmDraft, preset: LlmPresetView | null | undefined): LlmDraft {
  if (!preset) return { ...draft, presetId: CUSTOM_PRESET };
  return {
    ...draft,
    presetId: preset.id,
    baseUrl: preset.baseUrl,
    model: preset.model,
    keyHeader: preset.keyHeader,
  };
}

/** The host of a URL as typed ("api.deepseek.com", "localhost:11434"); the text itself when it is none. */
export function hostOf(url: string): string {
  const trimmed = url.trim();
  const rest = trimmed.includes('://') ? trimmed.slice(trimmed.indexOf('://') + 3) : trimmed;
  return rest.split(/[/?#]/)[0] ?? rest;
}

/** Whether the URL points at this machine, as the backend's `is_local_url`. */
export function isLocalUrl(url: string): boolean {
  const name = hostOf(url).split(':')[0]!.toLowerCase();
  return name === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** A price as typed: empty is 0, otherwise a plain decimal ≥ 0; null when it is not one. */
export function parsePrice(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

export function parseTimeout(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= MIN_TIMEOUT_SECONDS && n <= MAX_TIMEOUT_SECONDS ? n : null;
}

export type LlmField = 'baseUrl' | 'model' | 'priceIn' | 'priceOut' | 'timeout';

export type LlmProblems = Partial<Record<LlmField, MessageKey>>;

/**
 * What keeps the draft from being sent. The backend checks the rest (https for servers elsewhere,
 * Azure's placeholder) and says so in its `invalid_llm` message.
 */
export function validateLlmDraft(draft: LlmDraft): LlmProblems {
  const problems: LlmProblems = {};
  const url = draft.baseUrl.trim();
  if (!/^https?:\/\/[^/\s]+/i.test(url)) problems.baseUrl = 'llmInvalid.baseUrl';
  if (draft.model.trim() === '') problems.model = 'llmInvalid.model';
  if (parsePrice(draft.priceIn) === null) problems.priceIn = 'llmInvalid.price';
  if (parsePrice(draft.priceOut) === null) problems.priceOut = 'llmInvalid.price';
  if (parseTimeout(draft.timeout) === null) problems.timeout = 'llmInvalid.timeout';
  return problems;
}

/** The draft as the backend takes it. Call on a draft `validateLlmDraft` has nothing against. */
export function toLlmForm(draft: LlmDraft): LlmSettingsForm {
  const org = draft.organization.trim();
  const header = draft.keyHeader?.trim() ?? '';
  return {
    enabled: draft.enabled,
    preset: draft.presetId,
    baseUrl: draft.baseUrl.trim(),
    model: draft.model.trim(),
    keyHeader: header === '' ? null : header,
    extraHeaders: [...(org === '' ? [] : [[ORG_HEADER, org] as [string, string]]), ...draft.otherHeaders],
    priceInputPerMillion: parsePrice(draft.priceIn) ?? 0,
    priceOutputPerMillion: parsePrice(draft.priceOut) ?? 0,
    maskPersonalData: draft.maskPersonalData,
    timeoutSeconds: parseTimeout(draft.timeout) ?? DEFAULT_TIMEOUT_SECONDS,
  };
}

/** The key to send: a typed one replaces the stored key; nothing typed keeps it (null). */
export function keyToSend(draft: LlmDraft): string | null {
  const key = draft.apiKey.trim();
  return key === '' ? null : key;
}

// ---------- status ----------

export type LlmStatus =
  | { kind: 'offline' }
  | { kind: 'local' | 'cloud'; model: string; host: string };

/** What classifies new tickets, from the saved settings. */
export function llmStatus(view: LlmSettingsView | null): LlmStatus {
  const settings = view?.settings;
  if (!settings || !settings.enabled) return { kind: 'offline' };
  return { kind: view.local ? 'local' : 'cloud', model: settings.model, host: hostOf(settings.baseUrl) };
}

// ---------- usage ----------

export const USAGE_WINDOW_DAYS = 30;

export interface UsageTotal {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Null when no day of the window has a known cost. */
  costUsd: number | null;
}

/** "YYYY-MM-DD" of a timestamp as a UTC date (the backend totals usage per UTC day). */
export function dayKey(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first day of the window of `days` days that ends today. */
export function windowStart(now: number, days = USAGE_WINDOW_DAYS): string {
  return dayKey(now - (days - 1) * DAY_MS);
}

/** A usage day ("2026-11-24") as a short date in the locale ("Nov 24", "11月24日"). */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Newest day first, then by model. */
export function sortUsage(days: readonly LlmUsageDay[]): LlmUsageDay[] {
  return [...days].sort((a, b) => (a.day === b.day ? a.model.localeCompare(b.model) : a.day < b.day ? 1 : -1));
}

/** The sums of the days within the last `window` days (today included). */
export function usageTotal(days: readonly LlmUsageDay[], now: number, window = USAGE_WINDOW_DAYS): UsageTotal {
  const from = windowStart(now, window);
  const total: UsageTotal = { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: null };
  for (const d of days) {
    if (d.day < from) continue;
    total.calls += d.calls;
    total.promptTokens += d.promptTokens;
    total.completionTokens += d.completionTokens;
    if (d.costUsd !== null) total.costUsd = (total.costUsd ?? 0) + d.costUsd;
  }
  return total;
}

/** Estimated cost in US dollars: four decimals under a cent ("$0.0042"), else two ("$1.27"); null: "—". */
export function formatUsd(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  if (amount === 0) return '$0.00';
  const abs = Math.abs(amount);
  const text = abs < 0.01 ? abs.toFixed(4) : abs.toFixed(2);
  return `${amount < 0 ? '-' : ''}$${text}`;
}
