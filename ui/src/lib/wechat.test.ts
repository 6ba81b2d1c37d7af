import { describe, expect, it } from 'vitest';
import type { ChatAccountView } from './backend';
import {
  closingTime,
  draftFromWechat,
  emptyWechatDraft,
  isCorpId,
  isOpenKfid,
  isWecomApi,
  replyWindowState,
  replyWindowText,
  toWechatForm,
  validateWechatDraft,
  WECOM_API,
  wechatServerLabel,
} from './wechat';

const account = (over: Partial<ChatAccountView> = {}): ChatAccountView => ({
  id: 7,
  channel: 'wechat',
  name: 'WeChat support',
  address: 'wkAbC123',
  apiBase: WECOM_API,
  corpId: 'ww0123456789abcdef',
  enabled: true,
  status: null,
  unreadable: 0,
  ...over,
});

const filled = { name: 'WeChat support', corpId: 'ww0123456789abcdef', openKfid: 'wkAbC123', secret: 's3cret', apiBase: '' };

describe('the WeChat account form', () => {
  it('needs a name, corp ID and open_kfid, and a secret for a new account only', () => {
    expect(validateWechatDraft(emptyWechatDraft(), false)).toEqual({
      name: 'wechat.invalid.name',
      corpId: 'wechat.invalid.corpId',
      openKfid: 'wechat.invalid.openKfid',
      secret: 'wechat.invalid.secret',
    });
    expect(validateWechatDraft(filled, false)).toEqual({});
    expect(validateWechatDraft({ ...filled, secret: '  ' }, true)).toEqual({});
    expect(validateWechatDraft({ ...filled, secret: '  ' }, false)).toEqual({ secret: 'wechat.invalid.secret' });
  });

  it('says when a corp ID or open_kfid is not shaped like one', () => {
    expect(validateWechatDraft({ ...filled, corpId: 'ww 0123', openKfid: 'kf123' }, false)).toEqual({
      corpId: 'wechat.invalid.corpIdShape',
      openKfid: 'wechat.invalid.openKfidShape',
    });
    expect(isCorpId(' ww0123456789abcdef ')).toBe(true);
    expect(isCorpId('企业ID')).toBe(false);
    expect(isOpenKfid('wkAbC-12_3')).toBe(true);
    expect(isOpenKfid('wk')).toBe(false);
    expect(isOpenKfid('wxAbC123')).toBe(false);
  });

  it('takes an API server only as an http(s) address', () => {
    expect(validateWechatDraft({ ...filled, apiBase: 'wecom.local' }, false)).toEqual({ apiBase: 'wechat.invalid.apiBase' });
    expect(validateWechatDraft({ ...filled, apiBase: 'http://127.0.0.1:9000' }, false)).toEqual({});
  });

  it('sends trimmed fields, an empty secret as "keep it" and an empty server as WeCom’s own', () => {
    expect(toWechatForm({ name: ' Support ', corpId: ' ww01 ', openKfid: ' wkAb ', secret: ' ', apiBase: '' })).toEqual({
      name: 'Support',
      corpId: 'ww01',
      openKfid: 'wkAb',
      secret: null,
      apiBase: null,
    });
    expect(toWechatForm({ ...filled, secret: ' s3cret ', apiBase: 'http://127.0.0.1:9000/' })).toMatchObject({
      secret: 's3cret',
      apiBase: 'http://127.0.0.1:9000',
    });
  });

  it('edits a saved account without its secret, its server shown only when it is not WeCom’s', () => {
    expect(draftFromWechat(account())).toEqual({ ...filled, secret: '' });
    expect(draftFromWechat(account({ corpId: null })).corpId).toBe('');
    expect(draftFromWechat(account({ apiBase: 'http://127.0.0.1:9000' })).apiBase).toBe('http://127.0.0.1:9000');
    expect(isWecomApi('HTTPS://QYAPI.WEIXIN.QQ.COM/')).toBe(true);
    expect(wechatServerLabel(WECOM_API)).toBeNull();
    expect(wechatServerLabel('http://127.0.0.1:9000/cgi-bin')).toBe('127.0.0.1:9000');
  });
});

describe('the reply window of a WeChat ticket', () => {
  // Local times, so the clock reads the same in any time zone.
  const now = new Date(2026, 10, 30, 9, 20).getTime();
  const at1432 = new Date(2026, 10, 30, 14, 32).getTime();

  it('is open while within 48 hours and replies are left; closed saying why otherwise', () => {
    expect(replyWindowState(null, now)).toBeNull();
    expect(replyWindowState({ closesAt: at1432, repliesLeft: 3 }, now)).toEqual({ kind: 'open', closesAt: at1432, repliesLeft: 3 });
    expect(replyWindowState({ closesAt: now - 1, repliesLeft: 3 }, now)).toEqual({ kind: 'closed', reason: 'expired' });
    expect(replyWindowState({ closesAt: now, repliesLeft: 5 }, now)).toEqual({ kind: 'closed', reason: 'expired' });
    expect(replyWindowState({ closesAt: at1432, repliesLeft: 0 }, now)).toEqual({ kind: 'closed', reason: 'quota' });
  });

  it('says how many replies until when, in English and Chinese', () => {
    const open = { kind: 'open', closesAt: at1432, repliesLeft: 3 } as const;
    expect(replyWindowText(open, now, 'en')).toBe('WeChat accepts 3 more replies until 14:32 (in 5h).');
    expect(replyWindowText({ ...open, repliesLeft: 1 }, now, 'en')).toBe('WeChat accepts 1 more reply until 14:32 (in 5h).');
    expect(replyWindowText(open, now, 'zh-CN')).toBe('微信在 14:32 前（还有 5小时）还接受 3 条回复。');
    expect(replyWindowText(open, at1432 - 10 * 60_000 - 5_000, 'en')).toBe('WeChat accepts 3 more replies until 14:32 (in 11m).');
  });

  it('says why WeChat will refuse', () => {
    expect(replyWindowText({ kind: 'closed', reason: 'expired' }, now, 'en')).toContain('has not written for 48 hours');
    expect(replyWindowText({ kind: 'closed', reason: 'quota' }, now, 'en')).toContain('5 replies were sent');
    expect(replyWindowText({ kind: 'closed', reason: 'expired' }, now, 'zh-CN')).toContain('48 小时');
  });

  it('names the day when the window closes on another one', () => {
    expect(closingTime(at1432, now, 'en')).toBe('14:32');
    const tomorrow = new Date(2026, 11, 1, 8, 5).getTime();
    expect(closingTime(tomorrow, now, 'en')).toBe('Tue 08:05');
  });
});
