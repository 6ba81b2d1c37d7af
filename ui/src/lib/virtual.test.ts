import { describe, expect, it } from 'vitest';
import { pagesFor, scrollToReveal, visibleRange } from './virtual';

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 760, 76, 100_000, 8)).toEqual({ start: 0, end: 19 });
    expect(visibleRange(76 * 500, 760, 76, 100_000, 8)).toEqual({ start: 492, end: 519 });
    expect(visibleRange(76 * 99_995, 760, 76, 100_000, 8)).toEqual({ start: 99_987, end: 100_000 });
  });

  it('is empty for an empty list', () => {
    expect(visibleRange(0, 760, 76, 0, 8)).toEqual({ start: 0, end: 0 });
  });

  it('stays bounded when scrollTop overshoots', () => {
    const r = visibleRange(76 * 1_000_000, 760, 76, 50, 8);
    expect(r.end).toBe(50);
    expect(r.start).toBeLessThanOrEqual(49);
  });

  it('renders a bounded number of rows whatever the list size', () => {
    const r = visibleRange(76 * 50_000, 1200, 76, 100_000, 8);
    expect(r.end - r.start).toBeLessThan(40);
  });
});

describe('pagesFor', () => {
  it('lists the pages a range touches', () => {
    expect(pagesFor({ start: 0, end: 19 }, 100)).toEqual([0]);
    expect(pagesFor({ start: 92, end: 119 }, 100)).toEqual([0, 1]);
    expect(pagesFor({ start: 99_987, end: 100_000 }, 100)).toEqual([999]);
    expect(pagesFor({ start: 5, end: 5 }, 100)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('scrolls only when the row is outside the viewport', () => {
    expect(scrollToReveal(3, 0, 760, 76)).toBeNull();
    expect(scrollToReveal(20, 0, 760, 76)).toBe(21 * 76 - 760);
    expect(scrollToReveal(2, 760, 760, 76)).toBe(152);
  });
});
