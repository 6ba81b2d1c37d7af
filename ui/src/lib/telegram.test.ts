import { describe, expect, it } from 'vitest';
import type { ChatAccountView } from './backend';
import {
  atUsername,
  draftFromBot,
  emptyTelegramDraft,
  isServerUrl,
  isTelegramApi,
  serverLabel,
  TELEGRAM_API,
  toTelegramForm,
  validateTelegramDraft,
} from './telegram';

const bot = (over: Partial<ChatAccountView> = {}): ChatAccountView => ({
  id: 4,
  channel: 'telegram',
  name: 'Shop bot',
  address: '@shop_bot',
  apiBase: TELEGRAM_API,
  corpId: null,
  enabled: true,
  status: null,
  unreadable: 0,
  ...over,
});

describe('the Telegram bot form', () => {
  it('needs a name, and a token for a new bot only', () => {
    expect(validateTelegramDraft(emptyTelegramDraft(), false)).toEqual({ name: 'telegram.invalid.name', token: 'telegram.invalid.token' });
    expect(validateTelegramDraft({ name: 'Shop', token: '', apiBase: '' }, true)).toEqual({});
    expect(validateTelegramDraft({ name: '  ', token: '123:abc', apiBase: '' }, false)).toEqual({ name: 'telegram.invalid.name' });
  });

  it('takes a Bot API server only as an http(s) address', () => {
    const draft = { name: 'Shop', token: '123:abc', apiBase: 'bot-api.local' };
    expect(validateTelegramDraft(draft, false)).toEqual({ apiBase: 'telegram.invalid.apiBase' });
    expect(validateTelegramDraft({ ...draft, apiBase: 'http://127.0.0.1:8081' }, false)).toEqual({});
    expect(isServerUrl('https://bots.example.com/')).toBe(true);
    expect(isServerUrl('ftp://bots.example.com')).toBe(false);
    expect(isServerUrl('')).toBe(false);
  });

  it('sends an empty token as "keep it" and an empty server as Telegram’s own', () => {
    expect(toTelegramForm({ name: ' Shop ', token: '  ', apiBase: '' })).toEqual({ name: 'Shop', token: null, apiBase: null });
    expect(toTelegramForm({ name: 'Shop', token: ' 123:abc ', apiBase: 'http://127.0.0.1:8081/' })).toEqual({
      name: 'Shop',
      token: '123:abc',
      apiBase: 'http://127.0.0.1:8081',
    });
  });

  it('edits a saved bot without its token, its server shown only when it is not Telegram’s', () => {
    expect(draftFromBot(bot())).toEqual({ name: 'Shop bot', token: '', apiBase: '' });
    expect(draftFromBot(bot({ apiBase: 'https://api.telegram.org/' })).apiBase).toBe('');
    expect(draftFromBot(bot({ apiBase: 'http://127.0.0.1:8081' })).apiBase).toBe('http://127.0.0.1:8081');
  });

  it('names a bot’s server and username as the list shows them', () => {
    expect(isTelegramApi('')).toBe(true);
    expect(isTelegramApi('HTTPS://API.TELEGRAM.ORG/')).toBe(true);
    expect(serverLabel(TELEGRAM_API)).toBeNull();
    expect(serverLabel('http://127.0.0.1:8081/bot')).toBe('127.0.0.1:8081');
    expect(atUsername('shop_bot')).toBe('@shop_bot');
    expect(atUsername('@shop_bot')).toBe('@shop_bot');
  });
});
