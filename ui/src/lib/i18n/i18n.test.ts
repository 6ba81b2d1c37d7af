import { describe, expect, it } from 'vitest';
import { en } from './en';
import { i18n, interpolate, pickLocale, presetNote, translate } from './index.svelte';
import { zhCN } from './zh-CN';

const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('zh-CN has exactly the English keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('every translation is non-empty and keeps the same {slots}', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(slots(zhCN[key]), key).toEqual(slots(en[key]));
    }
  });
});

describe('pickLocale', () => {
  it('prefers a saved choice, then the browser languages', () => {
    expect(pickLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale('fr', ['fr-FR'])).toBe('en');
  });
});

describe('translate', () => {
  it('fills parameters and keeps unknown slots visible', () => {
    expect(translate('en', 'age.minutes', { n: 5 })).toBe('5m');
    expect(translate('zh-CN', 'age.minutes', { n: 5 })).toBe('5分钟');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('presetNote', () => {
  it("speaks the current language, and falls back to the backend's note for an unknown preset", () => {
    const before = i18n.locale;
    i18n.locale = 'zh-CN';
    expect(presetNote('email', 'qq', 'Enable IMAP/SMTP…')).toContain('授权码登录');
    expect(presetNote('llm', 'ollama', 'Run ollama…')).toContain('数据不会离开这台电脑');
    expect(presetNote('llm', 'brand-new', 'A note from the backend.')).toBe('A note from the backend.');
    i18n.locale = 'en';
    expect(presetNote('email', 'gmail', '')).toContain('create an app password');
    i18n.locale = before;
  });
});
