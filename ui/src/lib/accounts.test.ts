import { describe, expect, it } from 'vitest';
import {
  afterServerEdit,
  applyPreset,
  domainOf,
  draftFromAccount,
  emptyDraft,
  isLoopback,
  MANUAL,
  parseFolders,
  parsePort,
  presetForAddress,
  progressPercent,
  retryText,
  sentence,
  stepLabel,
  syncedText,
  syncView,
  toForm,
  validateDraft,
  withAddress,
  withSecurity,
  type AccountDraft,
  type LiveSync,
} from './accounts';
import type { AccountStatus, EmailAccountView, EmailPreset } from './backend';

const PRESETS: EmailPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail / Google Workspace',
    domains: ['gmail.com', 'googlemail.com'],
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    note: 'Create an app password.',
  },
  {
    id: 'outlook',
    label: 'Outlook.com / Office 365',
    domains: ['outlook.com', 'hotmail.com'],
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, security: 'start_tls' },
    note: 'Basic auth must be allowed.',
  },
  {
    id: 'qq',
    label: 'QQ Mail / QQ 邮箱',
    domains: ['qq.com', 'foxmail.com'],
    imap: { host: 'imap.qq.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.qq.com', port: 465, security: 'tls' },
    note: 'Use the authorization code.',
  },
];

function typed(over: Partial<AccountDraft> = {}): AccountDraft {
  return { ...emptyDraft(), ...over };
}

describe('presets', () => {
  it('finds the preset of an address by its domain, case and spaces aside', () => {
    expect(domainOf('Li.Lei@QQ.com ')).toBe('qq.com');
    expect(domainOf('no-at-sign')).toBe('');
    expect(presetForAddress('support@gmail.com', PRESETS)?.id).toBe('gmail');
    expect(presetForAddress('someone@Foxmail.COM', PRESETS)?.id).toBe('qq');
    expect(presetForAddress('a@b@hotmail.com', PRESETS)?.id).toBe('outlook');
    expect(presetForAddress('support@acme.com', PRESETS)).toBeUndefined();
    expect(presetForAddress('support@', PRESETS)).toBeUndefined();
  });

  it('typing an address picks its preset, fills the servers and the user name', () => {
    let draft = emptyDraft();
    for (const prefix of ['s', 'su', 'support@', 'support@gmail.co', 'support@gmail.com']) {
      draft = withAddress(draft, prefix, PRESETS);
    }
    expect(draft).toMatchObject({
      presetId: 'gmail',
      username: 'support@gmail.com',
      imapHost: 'imap.gmail.com',
      imapPort: '993',
      imapSecurity: 'tls',
      smtpHost: 'smtp.gmail.com',
      smtpPort: '465',
      smtpSecurity: 'tls',
    });
    // Another provider's address switches the preset.
    draft = withAddress(draft, 'help@outlook.com', PRESETS);
    expect(draft).toMatchObject({ presetId: 'outlook', smtpHost: 'smtp.office365.com', smtpPort: '587', smtpSecurity: 'start_tls' });
    // An address of no known provider keeps what was filled in.
    draft = withAddress(draft, 'help@acme.com', PRESETS);
    expect(draft).toMatchObject({ presetId: 'outlook', imapHost: 'outlook.office365.com' });
  });

  it('never overwrites servers or a user name typed by hand', () => {
    const own = typed({ imapHost: 'mail.acme.com', username: 'agent7' });
    const next = withAddress(own, 'support@gmail.com', PRESETS);
    expect(next).toMatchObject({ presetId: MANUAL, imapHost: 'mail.acme.com', username: 'agent7' });
  });

  it('choosing a preset fills the servers; editing one falls back to manual and back', () => {
    const gmail = applyPreset(emptyDraft(), PRESETS[0]);
    expect(gmail.presetId).toBe('gmail');
    expect(applyPreset(gmail, undefined)).toMatchObject({ presetId: MANUAL, imapHost: 'imap.gmail.com' });
    const edited = afterServerEdit({ ...gmail, imapPort: '143' }, PRESETS);
    expect(edited.presetId).toBe(MANUAL);
    expect(afterServerEdit({ ...edited, imapPort: '993' }, PRESETS).presetId).toBe('gmail');
  });

  it('a saved account shows the preset its servers match', () => {
    const view: EmailAccountView = {
      id: 3,
      name: 'Support',
      address: 'support@qq.com',
      displayName: 'Acme',
      username: 'support@qq.com',
      imap: PRESETS[2]!.imap,
      smtp: PRESETS[2]!.smtp,
      signature: 'Bye',
      folders: ['INBOX', 'Support'],
      initialSyncDays: null,
      sentFolder: 'Sent Messages',
      addressIsList: false,
      localAiOnly: false,
      enabled: true,
      status: null,
      unreadable: 0,
    };
    expect(draftFromAccount(view, PRESETS)).toMatchObject({
      presetId: 'qq',
      password: '',
      folders: 'INBOX, Support',
      syncMode: 'all',
      sentFolder: 'Sent Messages',
      addressIsList: false,
      localAiOnly: false,
    });
    expect(draftFromAccount({ ...view, imap: { ...view.imap, host: 'mail.acme.com' }, initialSyncDays: 14 }, PRESETS)).toMatchObject({
      presetId: MANUAL,
      syncMode: 'days',
      syncDays: '14',
    });
  });
});

describe('security and ports', () => {
  it('a usual port follows the security, a custom one stays', () => {
    const d = typed({ smtpPort: '465', smtpSecurity: 'tls' });
    expect(withSecurity(d, 'smtp', 'start_tls')).toMatchObject({ smtpSecurity: 'start_tls', smtpPort: '587' });
    expect(withSecurity(d, 'imap', 'start_tls')).toMatchObject({ imapSecurity: 'start_tls', imapPort: '143' });
    expect(withSecurity(typed({ smtpPort: '2525' }), 'smtp', 'start_tls').smtpPort).toBe('2525');
  });

  it('knows this machine', () => {
    for (const host of ['localhost', '127.0.0.1', '127.0.1.1', '::1', '[::1]', ' LOCALHOST ']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['imap.gmail.com', '10.0.0.1', 'localhost.example.com', '']) expect(isLoopback(host), host).toBe(false);
  });

  it('parses ports strictly', () => {
    expect(parsePort('993')).toBe(993);
    expect(parsePort(' 25 ')).toBe(25);
    for (const bad of ['', '0', '65536', '99.5', '-1', '1e3', 'abc']) expect(parsePort(bad), bad).toBeNull();
  });
});

describe('validation', () => {
  const good = applyPreset(typed({ address: 'support@gmail.com', password: 'app-pass' }), PRESETS[0]);

  it('accepts a complete draft', () => {
    expect(validateDraft(good, false)).toEqual({});
  });

  it('names each field that keeps the draft from being sent', () => {
    expect(
      validateDraft(
        { ...good, address: 'support', password: '', imapHost: ' ', smtpPort: '70000', syncMode: 'days', syncDays: '0' },
        false,
      ),
    ).toEqual({
      address: 'invalid.address',
      password: 'invalid.password',
      imapHost: 'invalid.host',
      smtpPort: 'invalid.port',
      syncDays: 'invalid.days',
    });
  });

  it('needs no password when editing (empty keeps the stored one)', () => {
    expect(validateDraft({ ...good, password: '' }, true)).toEqual({});
  });

  it('allows no encryption only to this machine', () => {
    expect(validateDraft({ ...good, imapSecurity: 'plain' }, false)).toEqual({ imapHost: 'invalid.plain' });
    expect(validateDraft({ ...good, imapSecurity: 'plain', imapHost: 'localhost', imapPort: '1143' }, false)).toEqual({});
  });

  it('ignores the days while all mail is chosen', () => {
    expect(validateDraft({ ...good, syncMode: 'all', syncDays: 'x' }, false)).toEqual({});
  });
});

describe('toForm', () => {
  it('turns the draft into the EmailAccountForm the backend takes', () => {
    const draft = typed({
      ...applyPreset(emptyDraft(), PRESETS[1]),
      name: '  ',
      address: ' help@outlook.com ',
      displayName: ' Acme Help ',
      username: '',
      password: ' p@ss ',
      folders: 'INBOX, Support ,, INBOX',
      syncMode: 'days',
      syncDays: '14',
      sentFolder: '  ',
      signature: '-- \nAcme',
    });
    expect(toForm(draft)).toEqual({
      name: 'help@outlook.com',
      address: 'help@outlook.com',
      displayName: 'Acme Help',
      username: 'help@outlook.com',
      password: ' p@ss ',
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.office365.com', port: 587, security: 'start_tls' },
      signature: '-- \nAcme',
      folders: ['INBOX', 'Support'],
      initialSyncDays: 14,
      sentFolder: null,
      addressIsList: false,
      localAiOnly: false,
    });
  });

  it('carries "keep this account\'s mail on this computer" both ways', () => {
    expect(emptyDraft().localAiOnly).toBe(false);
    expect(toForm(typed({ address: 'a@b.c', localAiOnly: true })).localAiOnly).toBe(true);
    const view: EmailAccountView = {
      id: 1,
      name: 'VIP',
      address: 'vip@acme.com',
      displayName: '',
      username: 'vip@acme.com',
      imap: { host: 'mail.acme.com', port: 993, security: 'tls' },
      smtp: { host: 'mail.acme.com', port: 465, security: 'tls' },
      signature: '',
      folders: ['INBOX'],
      initialSyncDays: null,
      sentFolder: null,
      addressIsList: false,
      localAiOnly: true,
      enabled: true,
      status: null,
      unreadable: 0,
    };
    expect(draftFromAccount(view, PRESETS).localAiOnly).toBe(true);
    expect(toForm(draftFromAccount(view, PRESETS)).localAiOnly).toBe(true);
  });

  it('sends null for an untouched password and for "all mail"', () => {
    const form = toForm(typed({ address: 'a@b.c', password: '', syncMode: 'all', sentFolder: 'Sent' }));
    expect(form.password).toBeNull();
    expect(form.initialSyncDays).toBeNull();
    expect(form.sentFolder).toBe('Sent');
    expect(parseFolders('  ')).toEqual(['INBOX']);
  });
});

describe('connection test wording', () => {
  it('names every step the backend reports, and something for the rest', () => {
    expect(stepLabel('dns')).toBe('check.step.dns');
    expect(stepLabel('auth')).toBe('check.step.auth');
    expect(stepLabel('send')).toBe('check.step.send');
    expect(stepLabel('warp')).toBe('check.step.unknown');
    expect(stepLabel(null)).toBe('check.step.unknown');
    expect(sentence('cannot reach imap.example.com:993')).toBe('Cannot reach imap.example.com:993');
  });
});

describe('sync status', () => {
  const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
  const status = (over: Partial<AccountStatus>): AccountStatus => ({
    accountId: 1,
    state: 'ok',
    message: null,
    lastSyncAt: NOW - 5 * 60_000,
    retryAt: null,
    ...over,
  });
  const live = (over: Partial<LiveSync>): LiveSync => ({
    accountId: 1,
    state: 'syncing',
    message: null,
    folder: 'INBOX',
    done: 0,
    total: 0,
    seq: 1,
    at: NOW,
    ...over,
  });

  it('reads the stored status', () => {
    expect(syncView(null, undefined).state).toBe('idle');
    expect(syncView(status({ state: 'weird' }), undefined).state).toBe('idle');
    expect(syncView(status({ state: 'error', message: 'no route', retryAt: NOW + 60_000 }), undefined)).toMatchObject({
      state: 'error',
      message: 'no route',
      retryAt: NOW + 60_000,
    });
  });

  it('events override it: progress, done (now), failing (retry time unknown until re-read)', () => {
    const base = status({ state: 'error', message: 'old', retryAt: NOW + 60_000 });
    expect(syncView(base, live({ done: 3, total: 12 }))).toMatchObject({ state: 'syncing', folder: 'INBOX', done: 3, total: 12, retryAt: null });
    expect(syncView(base, live({ state: 'ok', folder: null }))).toMatchObject({ state: 'ok', lastSyncAt: NOW, message: null });
    expect(syncView(status({}), live({ state: 'error', message: 'new' }))).toMatchObject({ state: 'error', message: 'new', retryAt: null });
    expect(syncView(base, live({ state: 'error', message: 'new' })).retryAt).toBe(NOW + 60_000);
  });

  it('progress in percent, null while the total is unknown', () => {
    expect(progressPercent(syncView(null, live({ done: 30, total: 120 })))).toBe(25);
    expect(progressPercent(syncView(null, live({ done: 0, total: 0 })))).toBeNull();
    expect(progressPercent(syncView(null, live({ done: 9, total: 4 })))).toBe(100);
  });

  it('says when it synced and when it retries, in both languages', () => {
    expect(syncedText(NOW - 20_000, NOW, 'en')).toBe('Synced just now');
    expect(syncedText(NOW - 5 * 60_000, NOW, 'en')).toBe('Synced 5m ago');
    expect(syncedText(NOW - 5 * 60_000, NOW, 'zh-CN')).toBe('5分钟前同步');
    expect(syncedText(NOW - 3 * 3_600_000, NOW, 'en')).toBe('Synced 3h ago');
    expect(syncedText(null, NOW, 'en')).toBe('Synced');
    expect(syncedText(Date.UTC(2026, 5, 2), NOW, 'en')).toBe('Last synced on Jun 2');
    expect(retryText(NOW + 4 * 60_000 + 30_000, NOW, 'en')).toBe('Tries again in 4m');
    expect(retryText(NOW + 4 * 60_000, NOW, 'zh-CN')).toBe('4分钟后重试');
    expect(retryText(NOW + 10_000, NOW, 'en')).toBe('Tries again in a moment');
    expect(retryText(NOW - 10_000, NOW, 'en')).toBe('Tries again in a moment');
  });
});
