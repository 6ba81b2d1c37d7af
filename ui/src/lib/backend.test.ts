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
    await tauriBackend.listTickets({ kind: 'channel', channel: 'email' }, 100, 200);
    await tauriBackend.getTicket(7);
    await tauriBackend.searchTickets('refund', 200);
    await tauriBackend.sendReply(7, 'Hello');
    await tauriBackend.retryOutboxItem(3);
    await tauriBackend.setTicketStatus(7, 'resolved');
    await tauriBackend.markTicketRead(7);
    await tauriBackend.correctTicket(7, { category: 'returns_refunds', priority: null, sentiment: null });
    expect(sent).toEqual([
      { cmd: 'workspace_status', args: {} },
      { cmd: 'open_demo_workspace', args: {} },
      { cmd: 'view_counts', args: {} },
      { cmd: 'list_tickets', args: { view: { kind: 'channel', channel: 'email' }, limit: 100, offset: 200 } },
      { cmd: 'get_ticket', args: { ticketId: 7 } },
      { cmd: 'search_tickets', args: { query: 'refund', limit: 200 } },
      { cmd: 'send_reply', args: { ticketId: 7, body: 'Hello' } },
      { cmd: 'retry_outbox_item', args: { outboxId: 3 } },
      { cmd: 'set_ticket_status', args: { ticketId: 7, status: 'resolved' } },
      { cmd: 'mark_ticket_read', args: { ticketId: 7 } },
      { cmd: 'correct_ticket', args: { ticketId: 7, correction: { category: 'returns_refunds', priority: null, sentiment: null } } },
    ]);
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
    await emit('tickets-changed', { ticket_ids: [1, 2] });
    await emit('import-progress', { done: 3, total: 10 });
    expect(changed).toEqual([{ ticket_ids: [1, 2] }]);
    expect(progress).toEqual([{ done: 3, total: 10 }]);
    off1();
    off2();
  });
});
