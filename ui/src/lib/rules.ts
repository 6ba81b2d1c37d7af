// Rules as their editor edits them: every field present, numbers as typed text, and only the
// comparisons each field allows. `definitionOf` turns the form into the backend's RuleDefinition (which
// the backend checks again and refuses with a clear message), `ruleFormOf` the other way. Pure.
import type { ActionKind, RuleDefinition, RuleField, RuleMatch, RuleOp, Trigger } from './backend';

export const TRIGGERS: readonly Trigger[] = [
  'ticket_created',
  'classified',
  'customer_replied',
  'agent_replied',
  'status_changed',
  'sla_warning',
  'sla_breached',
  'time_in_status',
];

export const FIELDS: readonly RuleField[] = [
  'channel',
  'account',
  'category',
  'priority',
  'sentiment',
  'language',
  'confidence',
  'status',
  'queue',
  'subject',
  'body',
  'text',
  'customer_tier',
  'customer_tag',
  'tag',
  'business_hours',
];

export const ACTION_KINDS: readonly ActionKind[] = [
  'set_category',
  'set_priority',
  'set_queue',
  'set_status',
  'add_tag',
  'assign',
  'add_note',
  'notify',
  'draft_saved_reply',
  'draft_ai',
  'auto_reply',
  'escalate',
];

const TEXT_OPS: readonly RuleOp[] = ['is', 'is_not', 'one_of', 'contains_any', 'matches', 'is_empty', 'is_set'];

/** The comparisons the backend accepts for a field. */
export function opsFor(field: RuleField): readonly RuleOp[] {
  if (field === 'confidence') return ['less_than', 'at_least', 'is_empty', 'is_set'];
  if (field === 'business_hours') return ['is'];
  return TEXT_OPS;
}

/** Fields whose values are a fixed set the editor offers as a select (with `is` / `is not`). */
export const KNOWN_VALUES: Partial<Record<RuleField, readonly string[]>> = {
  priority: ['urgent', 'high', 'normal', 'low'],
  status: ['new', 'open', 'pending', 'resolved', 'closed'],
  channel: ['email', 'phone', 'telegram', 'wechat'],
  sentiment: ['negative', 'neutral', 'positive'],
  business_hours: ['true', 'false'],
};

/** How a condition's value is entered: not at all, from a list, as a number (0–1), or as text. */
export type ValueInput = 'none' | 'select' | 'number' | 'text';

export function conditionInput(field: RuleField, op: RuleOp): ValueInput {
  if (op === 'is_empty' || op === 'is_set') return 'none';
  if (field === 'confidence') return 'number';
  if (field === 'business_hours') return 'select';
  if ((op === 'is' || op === 'is_not') && (field === 'category' || KNOWN_VALUES[field])) return 'select';
  return 'text';
}

/** What an action's value is: nothing (escalate), one of a list, a saved reply's title, a queue, or text. */
export type ActionInput = 'none' | 'category' | 'priority' | 'status' | 'saved_reply' | 'queue' | 'text' | 'long_text';

export function actionInput(kind: ActionKind): ActionInput {
  switch (kind) {
    case 'escalate':
    case 'draft_ai':
      return 'none';
    case 'set_category':
      return 'category';
    case 'set_priority':
      return 'priority';
    case 'set_status':
      return 'status';
    case 'draft_saved_reply':
    case 'auto_reply':
      return 'saved_reply';
    case 'set_queue':
      return 'queue';
    case 'add_note':
    case 'notify':
      return 'long_text';
    default:
      return 'text';
  }
}

export interface ConditionForm {
  field: RuleField;
  op: RuleOp;
  value: string;
}

export interface ActionForm {
  kind: ActionKind;
  value: string;
}

export interface RuleForm {
  name: string;
  trigger: Trigger;
  /** For time_in_status only: hours, as typed. */
  afterHours: string;
  match: RuleMatch;
  conditions: ConditionForm[];
  actions: ActionForm[];
  allowAutoReply: boolean;
  autoReplyEveryHours: string;
  stopAfter: boolean;
}

export const DEFAULT_AUTO_REPLY_HOURS = 24;

export function newRuleForm(): RuleForm {
  return {
    name: '',
    trigger: 'ticket_created',
    afterHours: '',
    match: 'all',
    conditions: [],
    actions: [{ kind: 'add_tag', value: '' }],
    allowAutoReply: false,
    autoReplyEveryHours: String(DEFAULT_AUTO_REPLY_HOURS),
    stopAfter: false,
  };
}

/** A new condition on `field`, with its first allowed comparison and a sensible starting value. */
export function newCondition(field: RuleField = 'category', categories: readonly string[] = []): ConditionForm {
  const op = opsFor(field)[0]!;
  return { field, op, value: firstValue(field, op, categories) };
}

function firstValue(field: RuleField, op: RuleOp, categories: readonly string[]): string {
  if (conditionInput(field, op) !== 'select') return '';
  if (field === 'category') return categories[0] ?? '';
  return KNOWN_VALUES[field]?.[0] ?? '';
}

/** The condition with another field: its comparison kept when the field allows it, the value when it still fits. */
export function withField(c: ConditionForm, field: RuleField, categories: readonly string[] = []): ConditionForm {
  const ops = opsFor(field);
  const op = ops.includes(c.op) ? c.op : ops[0]!;
  const before = conditionInput(c.field, c.op);
  const after = conditionInput(field, op);
  if (after === 'none') return { field, op, value: '' };
  if (after === 'select') {
    const allowed = field === 'category' ? categories : (KNOWN_VALUES[field] ?? []);
    return { field, op, value: allowed.includes(c.value) ? c.value : firstValue(field, op, categories) };
  }
  // Typed text carries over to another text field; a number or a list value does not.
  return { field, op, value: before === after ? c.value : '' };
}

/** The condition with another comparison; the value goes when the way it is entered changes. */
export function withOp(c: ConditionForm, op: RuleOp, categories: readonly string[] = []): ConditionForm {
  const before = conditionInput(c.field, c.op);
  const after = conditionInput(c.field, op);
  if (after === 'none') return { field: c.field, op, value: '' };
  if (after === 'select') {
    const allowed = c.field === 'category' ? categories : (KNOWN_VALUES[c.field] ?? []);
    return { field: c.field, op, value: allowed.includes(c.value) ? c.value : firstValue(c.field, op, categories) };
  }
  return { field: c.field, op, value: before === after || before === 'select' ? c.value : '' };
}

/** "24" → 24; anything but a whole number above zero → null (the backend then says what is missing). */
function wholeHours(text: string): number | null {
  const s = text.trim();
  return /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null;
}

/** The definition the backend saves, dry-runs and exports. */
export function definitionOf(form: RuleForm): RuleDefinition {
  return {
    name: form.name.trim(),
    trigger: form.trigger,
    after_hours: form.trigger === 'time_in_status' ? wholeHours(form.afterHours) : null,
    match: form.match,
    conditions: form.conditions.map((c) => {
      const input = conditionInput(c.field, c.op);
      // A regular expression is kept as typed; other values lose stray spaces.
      const value = input === 'none' ? '' : c.op === 'matches' ? c.value : c.value.trim();
      return { field: c.field, op: c.op, value };
    }),
    actions: form.actions.map((a) => ({ kind: a.kind, value: actionInput(a.kind) === 'none' ? '' : a.value.trim() })),
    allow_auto_reply: form.allowAutoReply,
    // Without automatic replies the number is not used: keep the default rather than a half-typed value.
    auto_reply_every_hours: wholeHours(form.autoReplyEveryHours) ?? (form.allowAutoReply ? 0 : DEFAULT_AUTO_REPLY_HOURS),
    stop_after: form.stopAfter,
  };
}

/** The form for a stored (or imported) definition; fields it leaves out get the backend's defaults. */
export function ruleFormOf(def: RuleDefinition): RuleForm {
  return {
    name: def.name,
    trigger: def.trigger,
    afterHours: def.after_hours != null ? String(def.after_hours) : '',
    match: def.match ?? 'all',
    conditions: (def.conditions ?? []).map((c) => ({ field: c.field, op: c.op, value: c.value ?? '' })),
    actions: def.actions.map((a) => ({ kind: a.kind, value: a.value ?? '' })),
    allowAutoReply: def.allow_auto_reply ?? false,
    autoReplyEveryHours: String(def.auto_reply_every_hours ?? DEFAULT_AUTO_REPLY_HOURS),
    stopAfter: def.stop_after ?? false,
  };
}

/** The rule sends replies by itself: the editor warns about it. */
export function sendsAutomatically(form: Pick<RuleForm, 'actions' | 'allowAutoReply'>): boolean {
  return form.allowAutoReply || form.actions.some((a) => a.kind === 'auto_reply');
}

/** `ids` with the one at `index` moved by `delta` (−1 up, +1 down); unchanged at either end. */
export function moved<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** A file name for an export made now: switchboard-rules-2026-11-30.json. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `switchboard-rules-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
