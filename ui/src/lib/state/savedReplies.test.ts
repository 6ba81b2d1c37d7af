import { describe, expect, it, vi } from 'vitest';
import { BackendError, type Backend, type SavedReply, type SavedReplyForm } from '../backend';
import { SavedRepliesState } from './savedReplies.svelte';

function fake() {
  let list: SavedReply[] = [{ id: 1, title: 'Invoice', body: 'Hi {{first_name}}', category: 'billing', language: 'en' }];
  const backend = {
    listSavedReplies: vi.fn(async () => list),
    saveSavedReply: vi.fn(async (id: number | null, form: SavedReplyForm) => {
      if (form.title === '') throw new BackendError('invalid_input', 'a saved reply needs a title and a text');
      list = id === null ? [...list, { id: 2, ...form }] : list.map((r) => (r.id === id ? { id, ...form } : r));
      return list;
    }),
    deleteSavedReply: vi.fn(async (id: number) => {
      if (id === 99) throw new BackendError('db', 'database is locked');
      list = list.filter((r) => r.id !== id);
      return list;
    }),
  } satisfies Partial<Backend>;
  const report = vi.fn();
  const replies = new SavedRepliesState(backend as unknown as Backend, report);
  return { replies, backend, report };
}

const FORM: SavedReplyForm = { title: 'Thanks', body: 'Thank you!', category: null, language: null };

describe('SavedRepliesState', () => {
  it('loads the list', async () => {
    const f = fake();
    expect(f.replies.loaded).toBe(false);
    await f.replies.load();
    expect(f.replies.loaded).toBe(true);
    expect(f.replies.list.map((r) => r.title)).toEqual(['Invoice']);
  });

  it('takes the list the backend returns after a save; a refused save throws for the form', async () => {
    const f = fake();
    await f.replies.save(null, FORM);
    expect(f.backend.saveSavedReply).toHaveBeenLastCalledWith(null, FORM);
    expect(f.replies.list.map((r) => r.title)).toEqual(['Invoice', 'Thanks']);
    await f.replies.save(1, { ...FORM, title: 'Invoice (corrected)' });
    expect(f.replies.list[0]?.title).toBe('Invoice (corrected)');
    await expect(f.replies.save(null, { ...FORM, title: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(f.replies.list).toHaveLength(2);
    expect(f.report).not.toHaveBeenCalled();
  });

  it('deletes, and reports a failed delete', async () => {
    const f = fake();
    await f.replies.load();
    expect(await f.replies.remove(1)).toBe(true);
    expect(f.replies.list).toEqual([]);
    expect(await f.replies.remove(99)).toBe(false);
    expect(f.report).toHaveBeenCalledWith(expect.objectContaining({ code: 'db' }));
  });
});
