import { describe, expect, it } from 'vitest';
import { translate } from './i18n/index.svelte';
import { replyHint, replyPlaceholder } from './reply';

describe('the composer for the ticket’s channel', () => {
  it('says a Telegram reply goes to Telegram, and keeps the email wording elsewhere', () => {
    expect(translate('en', replyHint('telegram', false, false))).toBe('Ctrl+Enter to send on Telegram');
    expect(translate('en', replyHint('telegram', false, true))).toBe('⌘+Enter to send on Telegram');
    expect(translate('zh-CN', replyHint('telegram', false, false))).toBe('Ctrl+Enter 通过 Telegram 发送');
    expect(translate('en', replyHint('email', false, false))).toBe('Ctrl+Enter to send');
    expect(translate('en', replyHint('email', false, true))).toBe('⌘+Enter to send');
    expect(translate('en', replyPlaceholder('telegram', false), { name: 'Tom' })).toBe('Write a Telegram message to Tom…');
    expect(translate('zh-CN', replyPlaceholder('telegram', false), { name: 'Tom' })).toBe('给 Tom 写 Telegram 消息…');
    expect(translate('en', replyPlaceholder('email', false), { name: 'Tom' })).toBe('Write a reply to Tom…');
  });

  it('words notes the same on every channel', () => {
    expect(replyHint('telegram', true, false)).toBe('reply.noteHint');
    expect(replyHint('email', true, true)).toBe('reply.noteHintMac');
    expect(replyPlaceholder('telegram', true)).toBe('reply.notePlaceholder');
  });
});
