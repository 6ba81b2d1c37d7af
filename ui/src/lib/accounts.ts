// Pure logic of the email account settings: the form's draft and what it sends to the backend,
// provider presets, validation, and how an account's sync status reads. No Svelte, no backend.
import type {
  AccountStatus,
  AccountSync,
  EmailAccountForm,
  EmailAccountView,
  EmailPreset,
  MailServer,
  ServerSecurity,
} from './backend';
import { relativeAge } from './format';
import { translate, type Locale, type MessageKey } from './i18n/index.svelte';

/** The preset picker's "Other (manual)" entry. */
export const MANUAL = 'manual';

export const SECURITIES: readonly ServerSecurity[] = ['tls', 'start_tls', 'plain'];

export type Side = 'imap' | 'smtp';

/** The usual port of each protocol for each kind of security. */
export const DEFAULT_PORTS: Record<Side, Record<ServerSecurity, number>> = {
  imap: { tls: 993, start_tls: 143, plain: 143 },
  smtp: { tls: 465, start_tls: 587, plain: 25 },
};

export const DEFAULT_SYNC_DAYS = 30;

/** What the form edits, as typed (numbers stay text until they are sent). */
export interface AccountDraft {
  /** A preset id or MANUAL. */
  presetId: string;
  name: string;
  address: string;
  displayName: string;
  username: string;
  /** Empty: none typed (when editing, the stored password is kept). */
  password: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: ServerSecurity;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: ServerSecurity;
  /** Comma-separated. */
  folders: string;
  syncMode: 'all' | 'days';
  syncDays: string;
  /** Empty: the folder the server marks as Sent. */
  sentFolder: string;
  /** The address is a mailing list or group (a Google Group): list headers are not noise. */
  addressIsList: boolean;
  /** This account's customer text never goes to a cloud model (the offline classifier handles it). */
  localAiOnly: boolean;
  signature: string;
}

export function emptyDraft(): AccountDraft {
  return {
    presetId: MANUAL,
    name: '',
    address: '',
    displayName: '',
    username: '',
    password: '',
    imapHost: '',
    imapPort: String(DEFAULT_PORTS.imap.tls),
    imapSecurity: 'tls',
    smtpHost: '',
    smtpPort: String(DEFAULT_PORTS.smtp.tls),
    smtpSecurity: 'tls',
    folders: 'INBOX',
    syncMode: 'days',
    syncDays: String(DEFAULT_SYNC_DAYS),
    sentFolder: '',
    addressIsList: false,
    localAiOnly: false,
    signature: '',
  };
}

/** The draft for editing a saved account; the password field starts empty ("unchanged"). */
export function draftFromAccount(account: EmailAccountView, presets: readonly EmailPreset[]): AccountDraft {
  const draft: AccountDraft = {
    presetId: MANUAL,
    name: account.name,
    address: account.address,
    displayName: account.displayName,
    username: account.username,
    password: '',
    imapHost: account.imap.host,
    imapPort: String(account.imap.port),
    imapSecurity: account.imap.security,
    smtpHost: account.smtp.host,
    smtpPort: String(account.smtp.port),
    smtpSecurity: account.smtp.security,
    folders: account.folders.join(', ') || 'INBOX',
    syncMode: account.initialSyncDays ? 'days' : 'all',
    syncDays: String(account.initialSyncDays ?? DEFAULT_SYNC_DAYS),
    sentFolder: account.sentFolder ?? '',
    addressIsList: account.addressIsList,
    localAiOnly: account.localAiOnly,
    signature: account.signature,
  };
  return { ...draft, presetId: presetForServers(draft, presets)?.id ?? MANUAL };
}

/** The lower-case domain of an address ("" when it has none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
}

/** The preset whose domains include the address's domain, as the backend's `preset_for_address`. */
export function presetForAddress(address: string, presets: readonly EmailPreset[]): EmailPreset | undefined {
  const domain = domainOf(address);
  if (!domain) return undefined;
  return presets.find((p) => p.domains.some((d) => d.toLowerCase() === domain));
}

function sameServer(host: string, port: string, security: ServerSecurity, server: MailServer): boolean {
  return host.trim().toLowerCase() === server.host.toLowerCase() && parsePort(port) === server.port && security === server.security;
}

/** The preset whose IMAP and SMTP settings are exactly the draft's, if any. */
export function presetForServers(draft: AccountDraft, presets: readonly EmailPreset[]): EmailPreset | undefined {
  return presets.find(
    (p) =>
      sameServer(draft.imapHost, draft.imapPort, draft.imapSecurity, p.imap) &&
      sameServer(draft.smtpHost, draft.smtpPort, draft.smtpSecurity, p.smtp),
  );
}

/** Fills the servers from a preset; null keeps them and switches the picker to manual. */
export function applyPreset(draft: AccountDraft, preset: EmailPreset | null | undefined): AccountDraft {
  if (!preset) return { ...draft, presetId: MANUAL };
  return {
    ...draft,
    presetId: preset.id,
    imapHost: preset.imap.host,
    imapPort: String(preset.imap.port),
    imapSecurity: preset.imap.security,
    smtpHost: preset.smtp.host,
    smtpPort: String(preset.smtp.port),
    smtpSecurity: preset.smtp.security,
  };
}

/**
 * The address as typed. The user name follows the address until it is changed by hand, and an
 * address of a known provider picks its preset, unless the agent typed servers of their own.
 */
export function withAddress(draft: AccountDraft, address: string, presets: readonly EmailPreset[]): AccountDraft {
  const follows = draft.username.trim() === '' || draft.username.trim() === draft.address.trim();
  let next: AccountDraft = { ...draft, address, username: follows ? address.trim() : draft.username };
  const match = presetForAddress(address, presets);
  const ownServers = draft.presetId === MANUAL && (draft.imapHost.trim() !== '' || draft.smtpHost.trim() !== '');
  if (match && match.id !== draft.presetId && !ownServers) next = applyPreset(next, match);
  return next;
}

/** After a server field changed by hand: the picker shows the preset that still matches, or manual. */
export function afterServerEdit(draft: AccountDraft, presets: readonly EmailPreset[]): AccountDraft {
  return { ...draft, presetId: presetForServers(draft, presets)?.id ?? MANUAL };
}

/** New security for one side; a port that was the old security's usual one follows to the new one. */
export function withSecurity(draft: AccountDraft, side: Side, security: ServerSecurity): AccountDraft {
  const fields = SIDE_FIELDS[side === 'imap' ? 0 : 1];
  const port = draft[fields.port];
  const wasDefault = parsePort(port) === DEFAULT_PORTS[side][draft[fields.security]];
  return {
    ...draft,
    [fields.security]: security,
    [fields.port]: wasDefault ? String(DEFAULT_PORTS[side][security]) : port,
  };
}

/** "INBOX, Support ,, Billing" → ["INBOX", "Support", "Billing"]; nothing → ["INBOX"]. */
export function parseFolders(text: string): string[] {
  const seen: string[] = [];
  for (const part of text.split(',')) {
    const folder = part.trim();
    if (folder && !seen.includes(folder)) seen.push(folder);
  }
  return seen.length > 0 ? seen : ['INBOX'];
}

function parseWhole(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

export function parsePort(text: string): number | null {
  return parseWhole(text, 1, 65_535);
}

export function parseDays(text: string): number | null {
  return parseWhole(text, 1, 36_500);
}

/** This machine: the only place a connection without encryption may go (as the backend checks). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type DraftField =
  | 'address'
  | 'password'
  | 'imapHost'
  | 'imapPort'
  | 'smtpHost'
  | 'smtpPort'
  | 'syncDays';

const SIDE_FIELDS = [
  { host: 'imapHost', port: 'imapPort', security: 'imapSecurity' },
  { host: 'smtpHost', port: 'smtpPort', security: 'smtpSecurity' },
] as const;

export type DraftProblems = Partial<Record<DraftField, MessageKey>>;

/** What keeps the draft from being sent; `editing`: an empty password keeps the stored one. */
export function validateDraft(draft: AccountDraft, editing: boolean): DraftProblems {
  const problems: DraftProblems = {};
  const address = draft.address.trim();
  const at = address.indexOf('@');
  if (at <= 0 || at === address.length - 1 || /\s/.test(address)) problems.address = 'invalid.address';
  if (!editing && draft.password === '') problems.password = 'invalid.password';
  for (const side of SIDE_FIELDS) {
    const host = draft[side.host].trim();
    if (host === '') problems[side.host] = 'invalid.host';
    else if (draft[side.security] === 'plain' && !isLoopback(host)) problems[side.host] = 'invalid.plain';
    if (parsePort(draft[side.port]) === null) problems[side.port] = 'invalid.port';
  }
  if (draft.syncMode === 'days' && parseDays(draft.syncDays) === null) problems.syncDays = 'invalid.days';
  return problems;
}

/** The draft as the backend takes it. Call on a draft `validateDraft` has nothing against. */
export function toForm(draft: AccountDraft): EmailAccountForm {
  const address = draft.address.trim();
  const sent = draft.sentFolder.trim();
  return {
    name: draft.name.trim() || address,
    address,
    displayName: draft.displayName.trim(),
    username: draft.username.trim() || address,
    password: draft.password === '' ? null : draft.password,
    imap: { host: draft.imapHost.trim(), port: parsePort(draft.imapPort) ?? 0, security: draft.imapSecurity },
    smtp: { host: draft.smtpHost.trim(), port: parsePort(draft.smtpPort) ?? 0, security: draft.smtpSecurity },
    signature: draft.signature,
    folders: parseFolders(draft.folders),
    initialSyncDays: draft.syncMode === 'days' ? parseDays(draft.syncDays) : null,
    sentFolder: sent === '' ? null : sent,
    addressIsList: draft.addressIsList,
    localAiOnly: draft.localAiOnly,
  };
}

const STEPS = ['dns', 'tcp', 'tls', 'greeting', 'auth', 'folder', 'settings', 'send', 'session'] as const;
type Step = (typeof STEPS)[number];

/** The failed step of a connection test in plain words. */
export function stepLabel(step: string | null): MessageKey {
  return STEPS.includes(step as Step) ? (`check.step.${step as Step}` as const) : 'check.step.unknown';
}

/** The backend's messages start in lower case ("cannot reach …"); shown alone they read as sentences. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
}

// ---------- sync status ----------

/** The latest account-sync event of an account, numbered in arrival order. */
export interface LiveSync extends AccountSync {
  seq: number;
  /** When it arrived (ms). */
  at: number;
}

export type SyncState = 'syncing' | 'ok' | 'error' | 'idle';

/** Where an account's sync stands, from its stored status and the events since. */
export interface SyncView {
  state: SyncState;
  message: string | null;
  folder: string | null;
  done: number;
  total: number;
  lastSyncAt: number | null;
  retryAt: number | null;
}

function asState(state: string | undefined): SyncState {
  return state === 'syncing' || state === 'ok' || state === 'error' ? state : 'idle';
}

export function syncView(status: AccountStatus | null, live: LiveSync | undefined): SyncView {
  const base: SyncView = {
    state: asState(status?.state),
    message: status?.message ?? null,
    folder: null,
    done: 0,
    total: 0,
    lastSyncAt: status?.lastSyncAt ?? null,
    retryAt: status?.state === 'error' ? (status.retryAt ?? null) : null,
  };
  if (!live) return base;
  const state = asState(live.state);
  return {
    state,
    message: live.message,
    folder: live.folder,
    done: live.done,
    total: live.total,
    lastSyncAt: state === 'ok' ? Math.max(base.lastSyncAt ?? 0, live.at) : base.lastSyncAt,
    // An error event does not say when it retries; the stored status does once it is read again.
    retryAt: state === 'error' && base.state === 'error' ? base.retryAt : null,
  };
}

/** Percent done, or null while the total is unknown (an indeterminate bar). */
export function progressPercent(view: SyncView): number | null {
  if (view.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((view.done / view.total) * 100)));
}

const MINUTE = 60_000;
const MONTH = 30 * 24 * 60 * MINUTE;

/** "Synced just now" / "Synced 5m ago" / "Last synced on Nov 3". */
export function syncedText(lastSyncAt: number | null, now: number, locale: Locale): string {
  if (lastSyncAt === null) return translate(locale, 'sync.ok');
  const diff = now - lastSyncAt;
  if (diff < MINUTE) return translate(locale, 'sync.justNow');
  if (diff < MONTH) return translate(locale, 'sync.ago', { age: relativeAge(lastSyncAt, now, locale) });
  return translate(locale, 'sync.on', { date: relativeAge(lastSyncAt, now, locale) });
}

/** "Tries again in 4m" (or "in a moment" when it is due). */
export function retryText(retryAt: number, now: number, locale: Locale): string {
  if (retryAt - now < MINUTE) return translate(locale, 'sync.retrySoon');
  // relativeAge measures the time from its first argument to its second.
  return translate(locale, 'sync.retryIn', { age: relativeAge(now, retryAt, locale) });
}
