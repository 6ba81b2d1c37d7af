import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError, type AccountSync, type Backend, type ChatAccountView, type EmailAccountForm, type EmailAccountView } from '../backend';
import { AccountsState, EXPECT_SYNC_MS } from './accounts.svelte';

function view(id: number, over: Partial<EmailAccountView> = {}): EmailAccountView {
  return {
    id,
    name: `Account ${id}`,
    address: `a${id}@example.com`,
    displayName: '',
    username: `a${id}@example.com`,
    imap: { host: 'imap.example.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.example.com', port: 465, security: 'tls' },
    signature: '',
    folders: ['INBOX'],
    initialSyncDays: null,
    sentFolder: null,
    addressIsList: false,
    localAiOnly: false,
    enabled: true,
    status: null,
    unreadable: 0,
    ...over,
  };
}

const FORM = {} as EmailAccountForm;

function bot(id: number, over: Partial<ChatAccountView> = {}): ChatAccountView {
  return { id, channel: 'telegram', name: `Bot ${id}`, address: `@bot${id}`, apiBase: 'https://api.telegram.org', corpId: null, enabled: true, status: null, unreadable: 0, ...over };
}

function fake(initial: EmailAccountView[] = [], bots: ChatAccountView[] = []) {
  let list = initial;
  let listener: ((e: AccountSync) => void) | null = null;
  const backend = {
    emailPresets: vi.fn(async () => []),
    listEmailAccounts: vi.fn(async () => list),
    testEmailAccount: vi.fn(),
    saveEmailAccount: vi.fn(async (id: number | null) => view(id ?? 9)),
    removeAccount: vi.fn(async () => {}),
    syncAccountNow: vi.fn(async () => {}),
    listChatAccounts: vi.fn(async () => bots),
    checkTelegramBot: vi.fn(async () => ({ id: 1, username: 'shop_bot' })),
    saveTelegramAccount: vi.fn(async (id: number | null) => bot(id ?? 12)),
    checkWechatAccount: vi.fn(async () => {}),
    saveWechatAccount: vi.fn(async (id: number | null) =>
      bot(id ?? 13, { channel: 'wechat', name: 'WeChat', address: 'wkAbC123', apiBase: 'https://qyapi.weixin.qq.com', corpId: 'ww01' }),
    ),
    onAccountSync: vi.fn(async (cb: (e: AccountSync) => void) => {
      listener = cb;
      return () => (listener = null);
    }),
  } satisfies Partial<Backend>;
  const report = vi.fn();
  const changed = vi.fn();
  const accounts = new AccountsState(backend as unknown as Backend, report, changed);
  return {
    accounts,
    backend,
    report,
    changed,
    setList: (next: EmailAccountView[]) => (list = next),
    fire: (e: Partial<AccountSync> & { accountId: number }) =>
      listener?.({ state: 'syncing', message: null, folder: null, done: 0, total: 0, ...e }),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AccountsState', () => {
  it('loads presets once and the list every time', async () => {
    const f = fake([view(1)]);
    await f.accounts.load();
    await f.accounts.load();
    expect(f.backend.emailPresets).toHaveBeenCalledTimes(1);
    expect(f.backend.listEmailAccounts).toHaveBeenCalledTimes(2);
    expect(f.accounts.list.map((a) => a.id)).toEqual([1]);
    expect(f.accounts.loaded).toBe(true);
  });

  it('follows account-sync events, then re-reads the stored status when a sync ends', async () => {
    const f = fake([view(1, { status: { accountId: 1, state: 'ok', message: null, lastSyncAt: 1, retryAt: null } })]);
    await f.accounts.listen();
    await f.accounts.load();
    const account = () => f.accounts.list[0]!;

    f.fire({ accountId: 1, folder: 'INBOX', done: 2, total: 8 });
    expect(f.accounts.status(account())).toMatchObject({ state: 'syncing', folder: 'INBOX', done: 2, total: 8 });
    expect(f.accounts.attention).toBe('syncing');

    f.setList([view(1, { status: { accountId: 1, state: 'error', message: 'refused', lastSyncAt: 1, retryAt: 99 } })]);
    f.fire({ accountId: 1, state: 'error', message: 'refused' });
    expect(f.accounts.status(account())).toMatchObject({ state: 'error', message: 'refused', retryAt: null });
    expect(f.accounts.attention).toBe('error');
    await vi.runOnlyPendingTimersAsync();
    expect(f.backend.listEmailAccounts).toHaveBeenCalledTimes(2);
    // The stored status now knows when it retries.
    expect(f.accounts.status(account())).toMatchObject({ state: 'error', retryAt: 99 });
    expect(f.accounts.live[1]).toBeUndefined();
  });

  it('keeps progress that is newer than a re-read', async () => {
    const f = fake([view(1)]);
    await f.accounts.listen();
    f.fire({ accountId: 1, folder: 'INBOX', done: 1, total: 4 });
    await f.accounts.refresh();
    expect(f.accounts.status(f.accounts.list[0]!)).toMatchObject({ state: 'syncing', done: 1 });
  });

  it('a saved account shows as syncing until its first event, and tells the app when it is new', async () => {
    const f = fake([]);
    await f.accounts.listen();
    await f.accounts.load();
    const saved = await f.accounts.save(null, FORM);
    expect(f.backend.saveEmailAccount).toHaveBeenCalledWith(null, FORM);
    expect(f.accounts.list.map((a) => a.id)).toEqual([saved.id]);
    expect(f.accounts.status(saved).state).toBe('syncing');
    expect(f.changed).toHaveBeenCalledTimes(1);

    await f.accounts.save(saved.id, FORM);
    expect(f.accounts.list).toHaveLength(1);
    expect(f.changed).toHaveBeenCalledTimes(1);

    f.fire({ accountId: saved.id, state: 'ok' });
    expect(f.accounts.status(saved).state).toBe('ok');
  });

  it('does not cover an event that beat the save reply', async () => {
    const f = fake([]);
    await f.accounts.listen();
    f.backend.saveEmailAccount.mockImplementationOnce(async () => {
      f.fire({ accountId: 9, folder: 'INBOX', done: 5, total: 10 });
      return view(9);
    });
    const saved = await f.accounts.save(null, FORM);
    expect(f.accounts.status(saved)).toMatchObject({ done: 5, total: 10 });
  });

  it('a failed save throws for the form and changes nothing', async () => {
    const f = fake([]);
    f.backend.saveEmailAccount.mockRejectedValueOnce(new BackendError('keychain_unavailable', 'no keychain'));
    await expect(f.accounts.save(null, FORM)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(f.accounts.list).toEqual([]);
    expect(f.changed).not.toHaveBeenCalled();
    expect(f.report).not.toHaveBeenCalled();
  });

  it('Sync now shows syncing at once, and gives up if no event ever comes', async () => {
    const f = fake([view(1, { status: { accountId: 1, state: 'ok', message: null, lastSyncAt: 5, retryAt: null } })]);
    await f.accounts.load();
    await f.accounts.syncNow(1);
    expect(f.backend.syncAccountNow).toHaveBeenCalledWith(1);
    expect(f.accounts.status(f.accounts.list[0]!).state).toBe('syncing');
    await vi.advanceTimersByTimeAsync(EXPECT_SYNC_MS);
    expect(f.accounts.status(f.accounts.list[0]!).state).toBe('ok');
  });

  it('a failed Sync now is reported and leaves the status as it was', async () => {
    const f = fake([view(1)]);
    await f.accounts.load();
    f.backend.syncAccountNow.mockRejectedValueOnce(new BackendError('not_found', 'gone'));
    await f.accounts.syncNow(1);
    expect(f.report).toHaveBeenCalledTimes(1);
    expect(f.accounts.status(f.accounts.list[0]!).state).toBe('idle');
  });

  it('removes an account and its live status; a failure is reported and keeps it', async () => {
    const f = fake([view(1), view(2)]);
    await f.accounts.listen();
    await f.accounts.load();
    f.fire({ accountId: 2, done: 1, total: 2 });
    expect(await f.accounts.remove(2)).toBe(true);
    expect(f.accounts.list.map((a) => a.id)).toEqual([1]);
    expect(f.accounts.live[2]).toBeUndefined();
    expect(f.changed).toHaveBeenCalledTimes(1);

    f.backend.removeAccount.mockRejectedValueOnce(new BackendError('storage', 'busy'));
    expect(await f.accounts.remove(1)).toBe(false);
    expect(f.accounts.list.map((a) => a.id)).toEqual([1]);
    expect(f.report).toHaveBeenCalledTimes(1);
  });

  it('lists Telegram bots beside the email accounts, with their sync status from the same events', async () => {
    const failing = bot(7, { status: { accountId: 7, state: 'error', message: 'the bot token was revoked', lastSyncAt: null, retryAt: null } });
    const f = fake([view(1)], [failing]);
    await f.accounts.listen();
    await f.accounts.load();
    expect(f.accounts.chats.map((a) => a.id)).toEqual([7]);
    expect(f.accounts.status(failing)).toMatchObject({ state: 'error', message: 'the bot token was revoked' });
    expect(f.accounts.attention).toBe('error');
    f.fire({ accountId: 7, state: 'ok' });
    expect(f.accounts.status(failing).state).toBe('ok');
    expect(f.accounts.attention).toBeNull();
  });

  it('saves a bot (syncing until its first event, the app told when it is new) and removes it', async () => {
    const f = fake();
    await f.accounts.listen();
    await f.accounts.load();
    const form = { name: 'Shop', token: '123:abc', apiBase: null };
    const saved = await f.accounts.saveTelegram(null, form);
    expect(f.backend.saveTelegramAccount).toHaveBeenCalledWith(null, form);
    expect(f.accounts.chats.map((a) => a.id)).toEqual([12]);
    expect(f.accounts.list).toEqual([]);
    expect(f.accounts.status(saved).state).toBe('syncing');
    expect(f.changed).toHaveBeenCalledTimes(1);
    await f.accounts.saveTelegram(12, { ...form, token: null });
    expect(f.accounts.chats).toHaveLength(1);
    expect(f.changed).toHaveBeenCalledTimes(1);

    f.backend.saveTelegramAccount.mockRejectedValueOnce(new BackendError('telegram', 'Telegram does not accept this bot token'));
    await expect(f.accounts.saveTelegram(null, form)).rejects.toMatchObject({ code: 'telegram' });
    expect(f.accounts.chats).toHaveLength(1);

    expect(await f.accounts.remove(12)).toBe(true);
    expect(f.backend.removeAccount).toHaveBeenCalledWith(12);
    expect(f.accounts.chats).toEqual([]);
    expect(f.changed).toHaveBeenCalledTimes(2);
  });

  it('checks and saves a WeChat account beside the bots; a refusal throws for the form', async () => {
    const f = fake([], [bot(12)]);
    await f.accounts.listen();
    await f.accounts.load();
    const form = { name: 'WeChat', corpId: 'ww01', openKfid: 'wkAbC123', secret: 's3cret', apiBase: null };
    await f.accounts.checkWechat(null, form);
    expect(f.backend.checkWechatAccount).toHaveBeenCalledWith(null, form);
    f.backend.checkWechatAccount.mockRejectedValueOnce(new BackendError('wechat', 'WeCom does not accept this secret'));
    await expect(f.accounts.checkWechat(null, form)).rejects.toMatchObject({ code: 'wechat' });

    const saved = await f.accounts.saveWechat(null, form);
    expect(f.backend.saveWechatAccount).toHaveBeenCalledWith(null, form);
    expect(f.accounts.chats.map((a) => [a.id, a.channel])).toEqual([
      [12, 'telegram'],
      [13, 'wechat'],
    ]);
    expect(f.accounts.status(saved).state).toBe('syncing');
    expect(f.changed).toHaveBeenCalledTimes(1);
    await f.accounts.saveWechat(13, { ...form, secret: null });
    expect(f.accounts.chats).toHaveLength(2);
    expect(f.changed).toHaveBeenCalledTimes(1);
  });

  it('a paused account does not raise the sidebar indicator', async () => {
    const f = fake([view(1, { enabled: false, status: { accountId: 1, state: 'error', message: 'x', lastSyncAt: null, retryAt: null } })]);
    await f.accounts.load();
    expect(f.accounts.attention).toBeNull();
  });
});
