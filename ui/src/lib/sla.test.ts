import { describe, expect, it } from 'vitest';
import type { SlaSettings } from './backend';
import {
  clockOf,
  duration,
  minuteOf,
  minutesOf,
  newPolicyForm,
  runningTarget,
  slaChip,
  slaChipText,
  slaFormOf,
  slaSettingsOf,
  targetOf,
} from './sla';

const NOW = Date.UTC(2026, 10, 30, 9, 0);
const MIN = 60_000;

describe('slaChip', () => {
  it('shows nothing without a running SLA', () => {
    expect(slaChip({ sla_due_at: null, sla_paused: false }, NOW)).toBeNull();
  });

  it('counts the time left, rounding up, and turns amber within 30 minutes', () => {
    expect(slaChip({ sla_due_at: NOW + 130 * MIN, sla_paused: false }, NOW)).toEqual({ kind: 'due', minutes: 130, soon: false, at: NOW + 130 * MIN });
    expect(slaChip({ sla_due_at: NOW + 30 * MIN, sla_paused: false }, NOW)).toMatchObject({ kind: 'due', minutes: 30, soon: true });
    expect(slaChip({ sla_due_at: NOW + 20_000, sla_paused: false }, NOW)).toMatchObject({ kind: 'due', minutes: 1, soon: true });
    expect(slaChip({ sla_due_at: NOW + 31 * MIN, sla_paused: false }, NOW)).toMatchObject({ soon: false });
  });

  it('says how long ago a target was breached', () => {
    expect(slaChip({ sla_due_at: NOW - 190 * MIN, sla_paused: false }, NOW)).toEqual({ kind: 'breached', minutes: 190, at: NOW - 190 * MIN });
    expect(slaChip({ sla_due_at: NOW, sla_paused: false }, NOW)).toMatchObject({ kind: 'breached', minutes: 0 });
  });

  it('is paused while the ticket waits on the customer, whatever the due time', () => {
    expect(slaChip({ sla_due_at: NOW - 10 * MIN, sla_paused: true }, NOW)).toEqual({ kind: 'paused' });
    expect(slaChip({ sla_due_at: null, sla_paused: true }, NOW)).toEqual({ kind: 'paused' });
  });

  it('reads "2h 10m", "Breached 3h", "Paused" (and in Chinese)', () => {
    const due = slaChip({ sla_due_at: NOW + 130 * MIN, sla_paused: false }, NOW)!;
    const breached = slaChip({ sla_due_at: NOW - 190 * MIN, sla_paused: false }, NOW)!;
    expect(slaChipText(due, 'en')).toBe('2h 10m');
    expect(slaChipText(breached, 'en')).toBe('Breached 3h');
    expect(slaChipText({ kind: 'paused' }, 'en')).toBe('Paused');
    expect(slaChipText(due, 'zh-CN')).toBe('2小时10分钟');
    expect(slaChipText(breached, 'zh-CN')).toBe('已超时 3小时');
    expect(slaChipText({ kind: 'paused' }, 'zh-CN')).toBe('已暂停');
  });
});

describe('duration', () => {
  it('uses at most two units and drops a zero second one', () => {
    expect(duration(0, 'en')).toBe('0m');
    expect(duration(45, 'en')).toBe('45m');
    expect(duration(60, 'en')).toBe('1h');
    expect(duration(61, 'en')).toBe('1h 1m');
    expect(duration(1440, 'en')).toBe('1d');
    expect(duration(1440 + 4 * 60 + 59, 'en')).toBe('1d 4h');
    expect(duration(190, 'en', 1)).toBe('3h');
    expect(duration(190, 'zh-CN', 1)).toBe('3小时');
  });
});

describe('runningTarget', () => {
  const msg = (direction: string, sent_at: number) => ({ direction, sent_at });

  it('is the first response until an agent replied, then next response while the customer waits, else resolution', () => {
    expect(runningTarget([msg('inbound', 1), msg('note', 2)])).toBe('first_response');
    expect(runningTarget([msg('inbound', 1), msg('outbound', 2), msg('inbound', 3)])).toBe('next_response');
    expect(runningTarget([msg('inbound', 1), msg('outbound', 2), msg('note', 3)])).toBe('resolution');
    // An automatic acknowledgement is no response.
    expect(runningTarget([msg('inbound', 1), { direction: 'outbound', sent_at: 2, auto_generated: true }])).toBe('first_response');
    // Out of order in the array: the times decide.
    expect(runningTarget([msg('inbound', 3), msg('outbound', 2), msg('inbound', 1)])).toBe('next_response');
  });
});

describe('times and targets', () => {
  it('reads and writes times of day, 24:00 included', () => {
    expect(minuteOf('09:00')).toBe(540);
    expect(minuteOf(' 9:30 ')).toBe(570);
    expect(minuteOf('24:00')).toBe(1440);
    expect(minuteOf('24:30')).toBeNull();
    expect(minuteOf('9.30')).toBeNull();
    expect(minuteOf('12:60')).toBeNull();
    expect(clockOf(540)).toBe('09:00');
    expect(clockOf(1440)).toBe('24:00');
  });

  it('turns hours and minutes into minutes; both empty is no target', () => {
    expect(minutesOf({ hours: '2', minutes: '30' })).toBe(150);
    expect(minutesOf({ hours: '', minutes: '45' })).toBe(45);
    expect(minutesOf({ hours: '8', minutes: '' })).toBe(480);
    expect(minutesOf({ hours: '', minutes: '' })).toBeNull();
    expect(minutesOf({ hours: '1.5', minutes: '' })).toBeUndefined();
    expect(minutesOf({ hours: '-1', minutes: '' })).toBeUndefined();
    expect(targetOf(4800)).toEqual({ hours: '80', minutes: '0' });
    expect(targetOf(null)).toEqual({ hours: '', minutes: '' });
  });
});

describe('SLA settings form', () => {
  const settings: SlaSettings = {
    policies: [
      { name: 'Urgent', priority: 'urgent', queue: null, tier: null, first_response_minutes: 60, next_response_minutes: 120, resolution_minutes: null },
    ],
    business_hours: {
      time_zone: 'Asia/Shanghai',
      days: [{ start_minute: 540, end_minute: 1080 }, null, null, null, null, null, { start_minute: 600, end_minute: 1440 }],
      holidays: ['2026-10-01', '2026-01-01'],
    },
  };

  it('round-trips the stored settings', () => {
    const form = slaFormOf(settings);
    expect(form.days[0]).toEqual({ open: true, start: '09:00', end: '18:00' });
    expect(form.days[1]?.open).toBe(false);
    expect(form.days[6]).toEqual({ open: true, start: '10:00', end: '24:00' });
    expect(form.holidays).toEqual(['2026-01-01', '2026-10-01']);
    expect(form.policies[0]?.resolution).toEqual({ hours: '', minutes: '' });
    const out = slaSettingsOf(form);
    expect(out).toEqual({ settings: { ...settings, business_hours: { ...settings.business_hours, holidays: ['2026-01-01', '2026-10-01'] } } });
  });

  it('trims filters to null and names the first local problem', () => {
    const form = slaFormOf(settings);
    form.policies.push({ ...newPolicyForm(), name: ' VIP ', queue: ' ', tier: 'gold', first: { hours: '1', minutes: '' } });
    const out = slaSettingsOf(form);
    expect('settings' in out && out.settings.policies[1]).toEqual({
      name: 'VIP',
      priority: null,
      queue: null,
      tier: 'gold',
      first_response_minutes: 60,
      next_response_minutes: null,
      resolution_minutes: null,
    });
    form.days[0]!.end = '6pm';
    expect(slaSettingsOf(form)).toEqual({ problem: { key: 'slaSettings.badTime', params: { day: 0, time: '6pm' } } });
    form.days[0]!.end = '18:00';
    form.policies[1]!.next = { hours: 'two', minutes: '' };
    expect(slaSettingsOf(form)).toEqual({ problem: { key: 'slaSettings.badTarget', params: { name: 'VIP' } } });
  });
});
