// The language store: a rune-backed current locale and a typed `t()`.
import { en, type Dictionary, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

const dictionaries: Record<Locale, Dictionary> = { en, 'zh-CN': zhCN };

export const STORAGE_KEY = 'switchboard.locale';

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice if there is one, else the first Chinese or English entry of the browser's languages. */
export function pickLocale(saved: string | null, languages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const lang of languages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Fills `{name}` slots; unknown slots are left as they are so a mistake shows instead of vanishing. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[locale][key], params);
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : [nav.language];
}

class I18n {
  locale = $state<Locale>(pickLocale(readSaved(), browserLanguages()));

  /** Translate `key` in the current locale. Reading it in a template makes the template follow the locale. */
  t = (key: MessageKey, params?: Params): string => translate(this.locale, key, params);

  /** Locale-aware number, e.g. 100,000. */
  num = (n: number): string => new Intl.NumberFormat(this.locale).format(n);

  setLocale(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or storage disabled: the choice lasts for this session only.
    }
    this.applyToDocument();
  }

  applyToDocument(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale;
  }
}

export const i18n = new I18n();
export const t = i18n.t;

/** A provider preset's note in the current language, by the preset's id; the backend's own (English)
 *  note for a preset the dictionaries do not know yet. */
export function presetNote(kind: 'email' | 'llm', id: string, note: string): string {
  const key = `preset.${kind}.${id}`;
  return key in en ? t(key as MessageKey) : note;
}
