import { describe, expect, it } from 'vitest';
import { formOf, hourLabel, settingsOf } from './notifications';

describe('notification settings form', () => {
  it('fills what the backend leaves out with its defaults', () => {
    expect(formOf({})).toEqual({
      enabled: true,
      newTickets: true,
      repliesOnMine: true,
      minPriority: 'low',
      quiet: false,
      quietFrom: 22,
      quietUntil: 7,
    });
  });

  it('round-trips stored settings, quiet hours past midnight included', () => {
    const stored = { enabled: false, new_tickets: false, replies_on_mine: true, min_priority: 'high' as const, quiet_from: 23, quiet_until: 6 };
    expect(settingsOf(formOf(stored))).toEqual(stored);
  });

  it('keeps hour 0 as an hour, not as "no quiet hours"', () => {
    expect(formOf({ quiet_from: 0, quiet_until: 8 })).toMatchObject({ quiet: true, quietFrom: 0, quietUntil: 8 });
  });

  it('saves no quiet hours when they are switched off', () => {
    const form = { ...formOf({ quiet_from: 22, quiet_until: 7 }), quiet: false };
    expect(settingsOf(form)).toMatchObject({ quiet_from: null, quiet_until: null });
  });

  it('writes hours as on a 24-hour clock', () => {
    expect(hourLabel(7)).toBe('07:00');
    expect(hourLabel(23)).toBe('23:00');
  });
});
