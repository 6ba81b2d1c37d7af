import { describe, expect, it } from 'vitest';
import { fileSize, oneLine, relativeAge } from './format';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const MIN = 60_000;

describe('relativeAge', () => {
  it('uses compact English units', () => {
    expect(relativeAge(NOW - 20_000, NOW, 'en')).toBe('now');
    expect(relativeAge(NOW - 5 * MIN, NOW, 'en')).toBe('5m');
    expect(relativeAge(NOW - 3 * 60 * MIN, NOW, 'en')).toBe('3h');
    expect(relativeAge(NOW - 2 * 24 * 60 * MIN, NOW, 'en')).toBe('2d');
  });

  it('uses Chinese units', () => {
    expect(relativeAge(NOW - 20_000, NOW, 'zh-CN')).toBe('刚刚');
    expect(relativeAge(NOW - 5 * MIN, NOW, 'zh-CN')).toBe('5分钟');
    expect(relativeAge(NOW - 3 * 60 * MIN, NOW, 'zh-CN')).toBe('3小时');
    expect(relativeAge(NOW - 2 * 24 * 60 * MIN, NOW, 'zh-CN')).toBe('2天');
  });

  it('shows a date past 30 days, with the year only when it differs', () => {
    expect(relativeAge(Date.UTC(2026, 5, 3, 12), NOW, 'en')).toBe('Jun 3');
    expect(relativeAge(Date.UTC(2024, 5, 3, 12), NOW, 'en')).toBe('Jun 3, 2024');
  });

  it('never shows a negative age for clock skew', () => {
    expect(relativeAge(NOW + 10 * MIN, NOW, 'en')).toBe('now');
  });
});

describe('fileSize', () => {
  it('scales units', () => {
    expect(fileSize(512, 'en')).toBe('512 B');
    expect(fileSize(18_432, 'en')).toBe('18 KB');
    expect(fileSize(734_003, 'en')).toBe('716.8 KB');
    expect(fileSize(3_250_000, 'en')).toBe('3.1 MB');
  });
});

describe('oneLine', () => {
  it('collapses whitespace', () => {
    expect(oneLine('  a\n\n b\t c ')).toBe('a b c');
  });
});
