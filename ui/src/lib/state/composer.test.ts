import { describe, expect, it, vi } from 'vitest';
import { BackendError, type Backend, type DraftView } from '../backend';
import { ComposerState } from './composer.svelte';

const DRAFT: DraftView = {
  text: 'Hi Sophie,\n\nThanks for getting in touch about AUR-2026-0413.',
  source: 'saved_reply',
  savedReplyTitle: 'Where is my order',
  language: 'en',
  note: null,
};

function fake() {
  let answer: (value: DraftView) => void = () => {};
  let refuse: (err: unknown) => void = () => {};
  const backend = {
    draftReply: vi.fn(
      () =>
        new Promise<DraftView>((resolve, reject) => {
          answer = resolve;
          refuse = reject;
        }),
    ),
  } satisfies Partial<Backend>;
  const composer = new ComposerState(backend as unknown as Backend);
  return { composer, backend, answer: (d: DraftView = DRAFT) => answer(d), refuse: (e: unknown) => refuse(e) };
}

describe('ComposerState', () => {
  it('keeps what was written per ticket', () => {
    const { composer } = fake();
    expect(composer.of(4).body).toBe('');
    composer.setBody(4, 'Hello');
    composer.setBody(5, 'Other');
    expect(composer.of(4).body).toBe('Hello');
    expect(composer.of(5).body).toBe('Other');
  });

  it('keeps the files per ticket until the reply is sent', () => {
    const { composer } = fake();
    const a = new File(['a'], 'a.txt');
    const b = new File(['bb'], '发票.pdf');
    composer.addFiles(4, [a, b]);
    composer.setBody(4, 'See attached');
    expect(composer.of(4).files.map((f) => f.name)).toEqual(['a.txt', '发票.pdf']);
    expect(composer.of(5).files).toEqual([]);
    composer.removeFile(4, 0);
    expect(composer.of(4).files.map((f) => f.name)).toEqual(['发票.pdf']);
    composer.sent(4);
    expect(composer.of(4)).toMatchObject({ body: '', files: [] });
  });

  it('fills an empty box with the draft and remembers where it came from', async () => {
    const f = fake();
    const pending = f.composer.draft(4);
    expect(f.composer.of(4).drafting).toBe(true);
    expect(f.backend.draftReply).toHaveBeenCalledWith(4);
    f.answer();
    expect(await pending).toBe('filled');
    expect(f.composer.of(4)).toMatchObject({ body: DRAFT.text, source: DRAFT, drafting: false, pending: null });
  });

  it('asks first when the box has text: replace, or keep it', async () => {
    const f = fake();
    f.composer.setBody(4, 'My own words');
    const first = f.composer.draft(4);
    f.answer();
    expect(await first).toBe('waiting');
    expect(f.composer.of(4)).toMatchObject({ body: 'My own words', pending: DRAFT, source: null });

    f.composer.resolvePending(4, false);
    expect(f.composer.of(4)).toMatchObject({ body: 'My own words', pending: null, source: null });

    const second = f.composer.draft(4);
    f.answer();
    expect(await second).toBe('waiting');
    f.composer.resolvePending(4, true);
    expect(f.composer.of(4)).toMatchObject({ body: DRAFT.text, pending: null, source: DRAFT });
  });

  it('asks too when the agent typed while the draft was being written; whitespace is no text', async () => {
    const f = fake();
    f.composer.setBody(4, '  \n');
    const pending = f.composer.draft(4);
    f.composer.setBody(4, 'Typed meanwhile');
    f.answer();
    expect(await pending).toBe('waiting');
    expect(f.composer.of(4).body).toBe('Typed meanwhile');

    f.composer.setBody(5, ' ');
    const other = f.composer.draft(5);
    f.answer();
    expect(await other).toBe('filled');
  });

  it('asks the backend once while a draft is coming', async () => {
    const f = fake();
    const first = f.composer.draft(4);
    expect(await f.composer.draft(4)).toBe('busy');
    expect(f.backend.draftReply).toHaveBeenCalledTimes(1);
    f.answer();
    await first;
  });

  it('keeps the failure for the box to show, until dismissed or the next try', async () => {
    const f = fake();
    const pending = f.composer.draft(4);
    f.refuse({ code: 'no_draft', message: 'No saved reply fits this ticket.' });
    expect(await pending).toBe('failed');
    const error = f.composer.of(4).error;
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'no_draft', message: 'No saved reply fits this ticket.' });
    expect(f.composer.of(4).drafting).toBe(false);

    f.composer.dismissError(4);
    expect(f.composer.of(4).error).toBeNull();

    const again = f.composer.draft(4);
    f.refuse(new Error('ipc down'));
    await again;
    expect(f.composer.of(4).error?.code).toBe('ipc');
    const last = f.composer.draft(4);
    expect(f.composer.of(4).error).toBeNull();
    f.answer();
    await last;
  });

  it('forgets the draft once the box is emptied or the reply is sent', async () => {
    const f = fake();
    const pending = f.composer.draft(4);
    f.answer();
    await pending;
    f.composer.setBody(4, DRAFT.text + ' Edited.');
    expect(f.composer.of(4).source).toEqual(DRAFT);
    f.composer.setBody(4, '');
    expect(f.composer.of(4).source).toBeNull();

    const next = f.composer.draft(4);
    f.answer();
    await next;
    f.composer.sent(4);
    expect(f.composer.of(4)).toMatchObject({ body: '', source: null, pending: null });
  });
});

describe('a draft a rule prepared', () => {
  function prepared(texts: Record<number, string | null>, fail = false) {
    const backend = {
      preparedDraft: vi.fn(async (id: number) => {
        if (fail) throw new BackendError('ipc', 'gone');
        return texts[id] ?? null;
      }),
    } satisfies Partial<Backend>;
    return { composer: new ComposerState(backend as unknown as Backend), backend };
  }

  it('is asked for once per ticket and offered, never put in the box by itself', async () => {
    const { composer, backend } = prepared({ 4: 'Prepared text', 5: '  ' });
    await composer.loadPrepared(4);
    await composer.loadPrepared(4);
    await composer.loadPrepared(5);
    expect(backend.preparedDraft).toHaveBeenCalledTimes(2);
    expect(composer.of(4)).toMatchObject({ prepared: 'Prepared text', body: '' });
    // A blank draft is no offer.
    expect(composer.of(5).prepared).toBeNull();
  });

  it('fills the box only when used (replacing what was typed, as the agent chose), or goes when dismissed', async () => {
    const { composer } = prepared({ 4: 'Prepared text', 6: 'Other' });
    await composer.loadPrepared(4);
    composer.setBody(4, 'My words');
    composer.usePrepared(4);
    expect(composer.of(4)).toMatchObject({ body: 'Prepared text', prepared: null, source: null });
    await composer.loadPrepared(6);
    composer.dismissPrepared(6);
    expect(composer.of(6)).toMatchObject({ body: '', prepared: null });
  });

  it('asks again next time when the backend could not answer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { composer, backend } = prepared({}, true);
    await composer.loadPrepared(4);
    await composer.loadPrepared(4);
    expect(backend.preparedDraft).toHaveBeenCalledTimes(2);
    expect(composer.of(4).prepared).toBeNull();
    vi.restoreAllMocks();
  });
});
