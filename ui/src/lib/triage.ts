// Triage logic without UI: the values an agent can correct, picker options and their filtering,
// and how the AI's confidence, language and timing are shown. Locale passed in, so it is easy to test.
import type { CategoryName, Priority, TicketDetail, TriageCorrection } from './backend';
import { relativeAge } from './format';
import { translate, type Locale } from './i18n/index.svelte';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly Priority[];
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** The fields an agent can set by hand (they win over the AI). */
export type TriageField = 'category' | 'priority' | 'sentiment';
export const TRIAGE_FIELDS: readonly TriageField[] = ['category', 'priority', 'sentiment'];

/** Below this the AI's answer is flagged "Needs review". */
export const LOW_CONFIDENCE = 0.5;

export function asSentiment(value: string | null | undefined): Sentiment | null {
  return (SENTIMENTS as readonly string[]).includes(value ?? '') ? (value as Sentiment) : null;
}

export function asPriority(value: string | null | undefined): Priority | null {
  return (PRIORITIES as readonly string[]).includes(value ?? '') ? (value as Priority) : null;
}

/** A digit typed in a picker: "1" is the first option. Null for anything else. */
export function optionForDigit<T>(options: readonly T[], key: string): T | null {
  if (!/^[1-9]$/.test(key)) return null;
  return options[Number(key) - 1] ?? null;
}

// ---------- picker options ----------

export interface PickOption {
  id: string;
  label: string;
  /** Other words the option is found by (its name in the other language, its id). */
  keywords?: string[];
}

/** The taxonomy as picker options, named in `locale`, findable by the other language's name and the id. */
export function categoryOptions(categories: readonly CategoryName[], locale: Locale): PickOption[] {
  return categories.map((c) => {
    const zh = locale === 'zh-CN';
    return { id: c.id, label: zh ? c.name_zh : c.name_en, keywords: [zh ? c.name_en : c.name_zh, c.id] };
  });
}

const WORD_BREAK = /[\s&/,.;:()·、，与及-]+|_/;

function norm(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** How well one query token fits a text: 0 the text starts with it, 1 a word does, 2 it is inside; null no match. */
function tokenScore(token: string, text: string): number | null {
  const hay = norm(text);
  if (hay.startsWith(token)) return 0;
  if (hay.split(WORD_BREAK).some((w) => w.startsWith(token))) return 1;
  if (hay.includes(token)) return 2;
  return null;
}

/**
 * Options matching `query` (every whitespace-separated token must match), best first: matches in the shown
 * name before matches in keywords; prefix before word start before substring; ties keep taxonomy order.
 */
export function filterOptions<T extends PickOption>(options: readonly T[], query: string): T[] {
  const tokens = norm(query).split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [...options];
  const scored: { option: T; score: number; index: number }[] = [];
  options.forEach((option, index) => {
    let total = 0;
    for (const token of tokens) {
      const inLabel = tokenScore(token, option.label);
      const inKeywords = (option.keywords ?? [])
        .map((k) => tokenScore(token, k))
        .filter((s): s is number => s !== null);
      const best = inLabel ?? (inKeywords.length > 0 ? 3 + Math.min(...inKeywords) : null);
      if (best === null) return;
      total = Math.max(total, best);
    }
    scored.push({ option, score: total, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.option);
}

// ---------- the AI panel ----------

/** "92 %"-style percentage of a 0..1 confidence in `locale`; null when the model gave none. */
export function formatConfidence(confidence: number | null | undefined, locale: Locale): string | null {
  if (confidence === null || confidence === undefined || !Number.isFinite(confidence)) return null;
  const clamped = Math.min(1, Math.max(0, confidence));
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(clamped);
}

export function isLowConfidence(confidence: number | null | undefined): boolean {
  return confidence !== null && confidence !== undefined && Number.isFinite(confidence) && confidence < LOW_CONFIDENCE;
}

/** A language code ("en", "zh", "ja", "pt-BR") named in `locale`; an unknown code shows as it is. */
export function languageName(code: string | null | undefined, locale: Locale): string | null {
  if (!code) return null;
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** When the AI ran: "just now", "5m ago", "3h ago" (zh: "刚刚", "5分钟前" …); past 30 days, "on Jun 3". */
export function classifiedAgo(timestamp: number, now: number, locale: Locale): string {
  const diff = now - timestamp;
  if (diff < 60_000) return translate(locale, 'ai.justNow');
  const age = relativeAge(timestamp, now, locale);
  return translate(locale, diff < 30 * 24 * 3_600_000 ? 'ai.ago' : 'ai.on', { age });
}

/** Who decided a field's current value: the agent by hand, the AI, or nobody yet. */
export function fieldOrigin(detail: TicketDetail, field: TriageField): 'agent' | 'ai' | 'none' {
  if (detail.agent_fields.includes(field)) return 'agent';
  const ai = detail.ai;
  if (ai && ai[field] !== null && ai[field] === detail.ticket[field]) return 'ai';
  return 'none';
}

/** A full correction from the fields being changed (the rest null: unchanged). */
export function correctionOf(change: Partial<TriageCorrection>): TriageCorrection {
  return { category: change.category ?? null, priority: change.priority ?? null, sentiment: change.sentiment ?? null };
}

/** True when applying `correction` would change nothing: every field is already the agent's, with that value. */
export function isNoOp(detail: TicketDetail, correction: TriageCorrection): boolean {
  const fields = TRIAGE_FIELDS.filter((f) => correction[f] !== null);
  return fields.every((f) => detail.agent_fields.includes(f) && detail.ticket[f] === correction[f]);
}

/** The agent fields after a correction, in canonical order. */
export function mergeAgentFields(current: readonly string[], correction: TriageCorrection): string[] {
  return TRIAGE_FIELDS.filter((f) => current.includes(f) || correction[f] !== null);
}
