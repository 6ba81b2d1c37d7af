import { describe, expect, it } from 'vitest';
import { fromLocalInput, snoozeUntil, toLocalInput } from './snooze';

describe('snoozeUntil', () => {
  // Wednesday 14 May 2025, 16:20 local time.
  const wednesday = new Date(2025, 4, 14, 16, 20);

  it('is three hours later for "later today"', () => {
    expect(snoozeUntil('laterToday', wednesday).getTime() - wednesday.getTime()).toBe(3 * 3_600_000);
  });

  it('is 9:00 tomorrow and 9:00 next Monday', () => {
    expect(snoozeUntil('tomorrow', wednesday)).toEqual(new Date(2025, 4, 15, 9, 0));
    expect(snoozeUntil('nextWeek', wednesday)).toEqual(new Date(2025, 4, 19, 9, 0));
  });

  it('on a Monday, "next Monday" is a week away', () => {
    expect(snoozeUntil('nextWeek', new Date(2025, 4, 19, 8, 0))).toEqual(new Date(2025, 4, 26, 9, 0));
  });
});

describe('datetime-local values', () => {
  it('round-trip to the minute and refuse anything else', () => {
    const at = new Date(2025, 0, 2, 3, 4);
    expect(toLocalInput(at)).toBe('2025-01-02T03:04');
    expect(fromLocalInput('2025-01-02T03:04')).toEqual(at);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
