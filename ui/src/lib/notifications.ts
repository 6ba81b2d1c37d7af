// Desktop notification settings as the form edits them: every field present (the backend may leave
// some out and means its defaults), and quiet hours as a switch with two hours.
import type { NotificationSettings, Priority } from './backend';

/** The minimum priority choices, from everything to urgent only ("low" lets every ticket through). */
export const MIN_PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export const HOURS: readonly number[] = Array.from({ length: 24 }, (_, h) => h);

/** Quiet hours a switched-on form starts with: the night. */
const NIGHT = { from: 22, until: 7 };

export interface NotificationForm {
  enabled: boolean;
  newTickets: boolean;
  repliesOnMine: boolean;
  minPriority: Priority;
  quiet: boolean;
  quietFrom: number;
  quietUntil: number;
}

/** The form for stored settings, with the backend's defaults for what they leave out. */
export function formOf(settings: NotificationSettings): NotificationForm {
  const quiet = settings.quiet_from != null && settings.quiet_until != null;
  return {
    enabled: settings.enabled ?? true,
    newTickets: settings.new_tickets ?? true,
    repliesOnMine: settings.replies_on_mine ?? true,
    minPriority: settings.min_priority ?? 'low',
    quiet,
    quietFrom: quiet ? settings.quiet_from! : NIGHT.from,
    quietUntil: quiet ? settings.quiet_until! : NIGHT.until,
  };
}

/** The settings to save: no quiet hours when switched off (the hours picked are forgotten). */
export function settingsOf(form: NotificationForm): NotificationSettings {
  return {
    enabled: form.enabled,
    new_tickets: form.newTickets,
    replies_on_mine: form.repliesOnMine,
    min_priority: form.minPriority,
    quiet_from: form.quiet ? form.quietFrom : null,
    quiet_until: form.quiet ? form.quietUntil : null,
  };
}

/** "07:00": the same in both languages, and what the system clock shows. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
