// The IPC contract as it goes over the wire: command names and argument keys, and how errors come back.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

let handler: Handler = () => null;
const sent: { cmd: string; args: Record<string, unknown> }[] = [];

beforeAll(async () => {
  // A minimal window for @tauri-apps/api in Node.
  (globalThis as unknown as { window: typeof globalThis }).window = globalThis;
  const { mockIPC } = await import('@tauri-apps/api/mocks');
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      sent.push({ cmd, args });
      return handler(cmd, args);
    },
    { shouldMockEvents: true },
  );
});

afterEach(() => {
  sent.length = 0;
  handler = () => null;
});

describe('tauriBackend', () => {
  it('sends the documented command names and argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    handler = (cmd) => (cmd === 'view_counts' || cmd === 'list_tickets' || cmd === 'search_tickets' ? [] : {});
    await tauriBackend.workspaceStatus();
    await tauriBackend.openDemoWorkspace();
    await tauriBackend.viewCounts();
    await tauriBackend.listTickets({ kind: 'channel', channel: 'email' }, 'priority', 100, 200);
    await tauriBackend.getTicket(7);
    await tauriBackend.searchTickets('refund', 200);
    await tauriBackend.sendReply(7, 'Hello');
    await tauriBackend.retryOutboxItem(3);
    await tauriBackend.setTicketStatus(7, 'resolved');
    await tauriBackend.markTicketRead(7);
    await tauriBackend.correctTicket(7, { category: 'returns_refunds', priority: null, sentiment: null });
    await tauriBackend.correctTickets([7, 8], { category: null, priority: 'urgent', sentiment: null });
    await tauriBackend.saveTaxonomy([{ id: 'warranty', name_en: 'Warranty', name_zh: '保修' }]);
    await tauriBackend.resetTaxonomy();
    expect(sent).toEqual([
      { cmd: 'workspace_status', args: {} },
      { cmd: 'open_demo_workspace', args: {} },
      { cmd: 'view_counts', args: {} },
      { cmd: 'list_tickets', args: { view: { kind: 'channel', channel: 'email' }, sort: 'priority', limit: 100, offset: 200 } },
      { cmd: 'get_ticket', args: { ticketId: 7 } },
      { cmd: 'search_tickets', args: { query: 'refund', limit: 200 } },
      { cmd: 'send_reply', args: { ticketId: 7, body: 'Hello', files: [] } },
      { cmd: 'retry_outbox_item', args: { outboxId: 3 } },
      { cmd: 'set_ticket_status', args: { ticketId: 7, status: 'resolved' } },
      { cmd: 'mark_ticket_read', args: { ticketId: 7 } },
      { cmd: 'correct_ticket', args: { ticketId: 7, correction: { category: 'returns_refunds', priority: null, sentiment: null } } },
      { cmd: 'correct_tickets', args: { ticketIds: [7, 8], correction: { category: null, priority: 'urgent', sentiment: null } } },
      { cmd: 'save_taxonomy', args: { categories: [{ id: 'warranty', name_en: 'Warranty', name_zh: '保修' }] } },
      { cmd: 'reset_taxonomy', args: {} },
    ]);
  });

  it('sends the triage action commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    handler = (cmd) => (cmd === 'add_note' ? null : cmd === 'log_manual_ticket' ? {} : []);
    const manual = { customer_name: 'Ann', customer_contact: '+1 555 0100', subject: 'Call', request: 'Wants a refund', notes: '' };
    await tauriBackend.assignTickets([1, 2], true);
    await tauriBackend.tagTickets([1], ['vip'], ['late']);
    await tauriBackend.tagsInUse();
    await tauriBackend.snoozeTickets([3], 1_900_000_000_000);
    await tauriBackend.setTicketsStatus([1, 2], 'resolved');
    await tauriBackend.logManualTicket(manual);
    await tauriBackend.addNote(7, 'Called back');
    expect(sent).toEqual([
      { cmd: 'assign_tickets', args: { ticketIds: [1, 2], toMe: true } },
      { cmd: 'tag_tickets', args: { ticketIds: [1], add: ['vip'], remove: ['late'] } },
      { cmd: 'tags_in_use', args: {} },
      { cmd: 'snooze_tickets', args: { ticketIds: [3], until: 1_900_000_000_000 } },
      { cmd: 'set_tickets_status', args: { ticketIds: [1, 2], status: 'resolved' } },
      { cmd: 'log_manual_ticket', args: { ticket: manual } },
      { cmd: 'add_note', args: { ticketId: 7, body: 'Called back', files: [] } },
    ]);
  });

  it('sends the email account commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    handler = (cmd) => (cmd === 'email_presets' || cmd === 'list_email_accounts' ? [] : cmd.endsWith('_now') || cmd.startsWith('remove') ? null : {});
    const server = { host: 'imap.example.com', port: 993, security: 'tls' as const };
    const form = {
      name: 'Support',
      address: 'support@example.com',
      displayName: 'Acme Support',
      username: 'support@example.com',
      password: null,
      imap: server,
      smtp: { host: 'smtp.example.com', port: 587, security: 'start_tls' as const },
      signature: '',
      folders: ['INBOX'],
      initialSyncDays: 30,
      sentFolder: null,
      addressIsList: false,
      localAiOnly: false,
    };
    await tauriBackend.emailPresets();
    await tauriBackend.listEmailAccounts();
    await tauriBackend.testEmailAccount(form, null);
    await tauriBackend.saveEmailAccount(4, form);
    await expect(tauriBackend.removeAccount(4)).resolves.toBeUndefined();
    await expect(tauriBackend.syncAccountNow(4)).resolves.toBeUndefined();
    expect(sent).toEqual([
      { cmd: 'email_presets', args: {} },
      { cmd: 'list_email_accounts', args: {} },
      { cmd: 'test_email_account', args: { form, accountId: null } },
      { cmd: 'save_email_account', args: { accountId: 4, form } },
      { cmd: 'remove_email_account', args: { accountId: 4 } },
      { cmd: 'sync_account_now', args: { accountId: 4 } },
    ]);
  });

  it('sends the Telegram bot and customer-ticket commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    handler = (cmd) => (cmd === 'list_chat_accounts' || cmd === 'customer_tickets' ? [] : {});
    const form = { name: 'Shop bot', token: null, apiBase: 'http://127.0.0.1:8081' };
    await tauriBackend.listChatAccounts();
    await tauriBackend.checkTelegramBot('123:abc', null);
    await tauriBackend.saveTelegramAccount(5, form);
    await tauriBackend.customerTickets(3, 1);
    expect(sent).toEqual([
      { cmd: 'list_chat_accounts', args: {} },
      { cmd: 'check_telegram_bot', args: { token: '123:abc', apiBaseUrl: null } },
      { cmd: 'save_telegram_account', args: { accountId: 5, form } },
      { cmd: 'customer_tickets', args: { customerId: 3, limit: 1 } },
    ]);
  });

  it('sends the WeChat account and reply-window commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    handler = (cmd) => (cmd === 'check_wechat_account' || cmd === 'chat_reply_window' ? null : {});
    const form = { name: 'Shop WeChat', corpId: 'ww0123456789abcdef', openKfid: 'wkAbC123', secret: null, apiBase: null };
    await expect(tauriBackend.checkWechatAccount(null, form)).resolves.toBeUndefined();
    await tauriBackend.saveWechatAccount(7, form);
    await expect(tauriBackend.chatReplyWindow(12)).resolves.toBeNull();
    expect(sent).toEqual([
      { cmd: 'check_wechat_account', args: { accountId: null, form } },
      { cmd: 'save_wechat_account', args: { accountId: 7, form } },
      { cmd: 'chat_reply_window', args: { ticketId: 12 } },
    ]);
  });

  it('sends the LLM settings commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    handler = (cmd) => (cmd === 'llm_presets_list' || cmd === 'llm_usage' ? [] : {});
    const form = {
      enabled: true,
      preset: 'azure',
      baseUrl: 'https://acme.openai.azure.com/openai/v1',
      model: 'triage',
      keyHeader: 'api-key',
      extraHeaders: [['OpenAI-Organization', 'org-1']] as [string, string][],
      priceInputPerMillion: 0.15,
      priceOutputPerMillion: 0.6,
      maskPersonalData: true,
      timeoutSeconds: 60,
    };
    await tauriBackend.llmPresets();
    await tauriBackend.getLlmSettings();
    await tauriBackend.testLlmSettings(form, 'sk-1');
    await tauriBackend.saveLlmSettings(form, null);
    await tauriBackend.saveLlmSettings(form, '');
    await tauriBackend.llmUsage();
    expect(sent).toEqual([
      { cmd: 'llm_presets_list', args: {} },
      { cmd: 'get_llm_settings', args: {} },
      { cmd: 'test_llm_settings', args: { form, apiKey: 'sk-1' } },
      { cmd: 'save_llm_settings', args: { form, apiKey: null } },
      { cmd: 'save_llm_settings', args: { form, apiKey: '' } },
      { cmd: 'llm_usage', args: {} },
    ]);
    handler = () => {
      throw { code: 'invalid_llm', message: 'replace YOUR-RESOURCE in the base URL with your Azure resource name' };
    };
    await expect(tauriBackend.saveLlmSettings(form, null)).rejects.toMatchObject({ code: 'invalid_llm' });
  });

  it('sends the offline model commands', async () => {
    const { tauriBackend } = await import('./backend');
    const status = { name: 'local-nb-v1', examples: 412, trainedAt: 1_700_000_000_000, newLabels: 7 };
    handler = (cmd) => (cmd === 'offline_model_status' ? status : null);
    await expect(tauriBackend.offlineModelStatus()).resolves.toEqual(status);
    await expect(tauriBackend.retrainOfflineModel()).resolves.toBeUndefined();
    expect(sent).toEqual([
      { cmd: 'offline_model_status', args: {} },
      { cmd: 'retrain_offline_model', args: {} },
    ]);
    // retrain_offline_model has no Result wrapper; a failed IPC still becomes a BackendError.
    handler = () => {
      throw 'command retrain_offline_model not found';
    };
    await expect(tauriBackend.retrainOfflineModel()).rejects.toMatchObject({ code: 'ipc', message: 'command retrain_offline_model not found' });
  });

  it('sends the draft and saved reply commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    const draft = { text: 'Hi', source: 'saved_reply', savedReplyTitle: 'Invoice', language: 'en', note: null };
    const replies = [{ id: 3, title: 'Invoice', body: 'Hi {{first_name}}', category: 'billing', language: 'en' }];
    handler = (cmd) => (cmd === 'draft_reply' ? draft : replies);
    const form = { title: 'Invoice', body: 'Hi {{first_name}}', category: 'billing', language: 'en' };
    await expect(tauriBackend.draftReply(7)).resolves.toEqual(draft);
    await expect(tauriBackend.listSavedReplies()).resolves.toEqual(replies);
    await tauriBackend.saveSavedReply(null, form);
    await tauriBackend.saveSavedReply(3, { ...form, category: null, language: null });
    await tauriBackend.deleteSavedReply(3);
    expect(sent).toEqual([
      { cmd: 'draft_reply', args: { ticketId: 7 } },
      { cmd: 'list_saved_replies', args: {} },
      { cmd: 'save_saved_reply', args: { id: null, form } },
      { cmd: 'save_saved_reply', args: { id: 3, form: { ...form, category: null, language: null } } },
      { cmd: 'delete_saved_reply', args: { id: 3 } },
    ]);
    // Nothing fits and no LLM: the code the reply box explains.
    handler = () => {
      throw { code: 'no_draft', message: 'No saved reply fits this ticket and no AI service is configured.' };
    };
    await expect(tauriBackend.draftReply(7)).rejects.toMatchObject({ name: 'BackendError', code: 'no_draft' });
  });

  it('sends the notification and UI language commands with their argument keys', async () => {
    const { tauriBackend } = await import('./backend');
    const settings = { enabled: true, new_tickets: true, replies_on_mine: false, min_priority: 'high' as const, quiet_from: 22, quiet_until: 7 };
    handler = (cmd) => (cmd === 'notification_status' ? { settings, unavailable: null } : cmd === 'set_ui_language' ? null : settings);
    await expect(tauriBackend.notificationStatus()).resolves.toEqual({ settings, unavailable: null });
    await expect(tauriBackend.saveNotificationSettings(settings)).resolves.toEqual(settings);
    await expect(tauriBackend.setUiLanguage('zh-CN')).resolves.toBeUndefined();
    expect(sent).toEqual([
      { cmd: 'notification_status', args: {} },
      { cmd: 'save_notification_settings', args: { settings } },
      { cmd: 'set_ui_language', args: { language: 'zh-CN' } },
    ]);
  });

  it('sends the commands that leave the app with their argument keys, and passes refusals on', async () => {
    const { tauriBackend } = await import('./backend');
    const images = [{ url: 'https://shop.example/a.png', data_url: 'data:image/png;base64,AAAA', error: null }];
    handler = (cmd) => {
      if (cmd === 'open_link') throw { code: 'invalid_input', message: "links of the kind 'javascript:' are not opened from a customer's message" };
      return cmd === 'save_attachment' ? '/home/agent/Downloads/a.pdf' : cmd === 'load_remote_images' ? images : null;
    };
    await expect(tauriBackend.openLink('javascript:x')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining("'javascript:'") });
    await expect(tauriBackend.openAttachment(7)).resolves.toBeUndefined();
    await expect(tauriBackend.saveAttachment(7)).resolves.toBe('/home/agent/Downloads/a.pdf');
    await expect(tauriBackend.loadRemoteImages(9)).resolves.toEqual(images);
    expect(sent).toEqual([
      { cmd: 'open_link', args: { url: 'javascript:x' } },
      { cmd: 'open_attachment', args: { attachmentId: 7 } },
      { cmd: 'save_attachment', args: { attachmentId: 7 } },
      { cmd: 'load_remote_images', args: { messageId: 9 } },
    ]);
  });

  it('turns a keychain failure into a BackendError the form can branch on', async () => {
    const { tauriBackend } = await import('./backend');
    handler = () => {
      throw { code: 'keychain_unavailable', message: 'no keychain is available to store the password securely' };
    };
    await expect(tauriBackend.saveEmailAccount(null, {} as never)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    // email_presets has no Result wrapper on the Rust side; a failed IPC still becomes a BackendError.
    handler = () => {
      throw 'command email_presets not found';
    };
    await expect(tauriBackend.emailPresets()).rejects.toMatchObject({ code: 'ipc', message: 'command email_presets not found' });
  });

  it('unwraps ok values', async () => {
    const { tauriBackend } = await import('./backend');
    handler = () => ({ data_dir: '/d', account_count: 1, ticket_count: 2, demo: false });
    await expect(tauriBackend.workspaceStatus()).resolves.toEqual({ data_dir: '/d', account_count: 1, ticket_count: 2, demo: false });
  });

  it('turns an AppError into a BackendError with code and message', async () => {
    const { tauriBackend, BackendError } = await import('./backend');
    handler = () => {
      throw { code: 'not_found', message: 'Ticket 9 does not exist.' };
    };
    const err = await tauriBackend.getTicket(9).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ code: 'not_found', message: 'Ticket 9 does not exist.' });
  });

  it('turns a plain string rejection into a BackendError', async () => {
    const { tauriBackend } = await import('./backend');
    handler = () => {
      throw 'command get_ticket not found';
    };
    await expect(tauriBackend.getTicket(1)).rejects.toMatchObject({ code: 'ipc', message: 'command get_ticket not found' });
  });

  it('delivers events by their wire names', async () => {
    const { tauriBackend } = await import('./backend');
    const { emit } = await import('@tauri-apps/api/event');
    const changed: unknown[] = [];
    const progress: unknown[] = [];
    const off1 = await tauriBackend.onTicketsChanged((p) => changed.push(p));
    const off2 = await tauriBackend.onImportProgress((p) => progress.push(p));
    const sync: unknown[] = [];
    const off3 = await tauriBackend.onAccountSync((p) => sync.push(p));
    const training: unknown[] = [];
    const off4 = await tauriBackend.onModelTraining((p) => training.push(p));
    const opened: unknown[] = [];
    const off5 = await tauriBackend.onOpenTicketRequested((p) => opened.push(p));
    const indexing: unknown[] = [];
    const off6 = await tauriBackend.onSearchIndexing((p) => indexing.push(p));
    await emit('search-indexing', { indexing: true, indexed: 500, total: 2000 });
    expect(indexing).toEqual([{ indexing: true, indexed: 500, total: 2000 }]);
    await emit('open-ticket-requested', { ticketId: 12 });
    expect(opened).toEqual([{ ticketId: 12 }]);
    await emit('tickets-changed', { ticket_ids: [1, 2] });
    await emit('import-progress', { done: 3, total: 10 });
    const update = { accountId: 2, state: 'syncing', message: null, folder: 'INBOX', done: 5, total: 9 };
    await emit('account-sync', update);
    expect(changed).toEqual([{ ticket_ids: [1, 2] }]);
    expect(progress).toEqual([{ done: 3, total: 10 }]);
    const step = { state: 'training', done: 12, total: 36, examples: 0, message: null };
    await emit('model-training', step);
    expect(sync).toEqual([update]);
    expect(training).toEqual([step]);
    off1();
    off2();
    off3();
    off4();
    off5();
    off6();
  });
});
