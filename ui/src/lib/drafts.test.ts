import { describe, expect, it } from 'vitest';
import type { DraftView } from './backend';
import { draftBanner, draftFailure, draftKeys, draftShortcut, hasText, isDraftShortcut, noteWords } from './drafts';

const key = (over: Partial<KeyboardEvent>) => ({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, code: 'KeyD', ...over });

const draft = (over: Partial<DraftView>): DraftView => ({
  text: 'Hi',
  source: 'saved_reply',
  savedReplyTitle: 'Where is my order',
  language: 'en',
  note: null,
  ...over,
});

describe('the draft shortcut', () => {
  it('is Alt+D by the physical key (⌥D types "∂" on a Mac), and nothing else', () => {
    expect(isDraftShortcut(key({ altKey: true }))).toBe(true);
    expect(isDraftShortcut(key({ altKey: true, code: 'KeyE' }))).toBe(false);
    expect(isDraftShortcut(key({}))).toBe(false);
    expect(isDraftShortcut(key({ altKey: true, ctrlKey: true }))).toBe(false);
    expect(isDraftShortcut(key({ altKey: true, metaKey: true }))).toBe(false);
    expect(isDraftShortcut(key({ altKey: true, shiftKey: true }))).toBe(false);
  });

  it('reads as the platform writes it', () => {
    expect(draftShortcut(false)).toBe('Alt+D');
    expect(draftShortcut(true)).toBe('⌥D');
    expect(draftKeys(false)).toEqual(['Alt', 'D']);
    expect(draftKeys(true)).toEqual(['⌥', 'D']);
  });
});

describe('draftBanner', () => {
  it('says where the draft came from, with the note when there is one', () => {
    expect(draftBanner(draft({}))).toEqual({ source: 'saved_reply', title: 'Where is my order', note: null });
    expect(draftBanner(draft({ source: 'llm', savedReplyTitle: 'Invoice', note: '  ' }))).toEqual({
      source: 'llm',
      title: null,
      note: null,
    });
    expect(draftBanner(draft({ note: ' Why. ' })).note).toBe('Why.');
  });
});

describe('noteWords', () => {
  it('translates the notes the backend writes, keeping the reason', () => {
    expect(noteWords('The AI could not write a draft (the model provider did not answer within 30 s); this one is a saved reply.')).toEqual({
      key: 'draft.noteLlmFailed',
      params: { reason: 'the model provider did not answer within 30 s' },
    });
    expect(noteWords("This account's mail stays on this computer, so the draft comes from a saved reply.")).toEqual({
      key: 'draft.noteLocalOnly',
    });
    expect(noteWords('Something else.')).toEqual({ message: 'Something else.' });
  });
});

describe('draftFailure', () => {
  it('explains no_draft in our words and offers the saved replies', () => {
    expect(draftFailure({ code: 'no_draft', message: 'No saved reply fits this ticket…' })).toEqual({
      code: 'no_draft',
      title: 'draft.noDraftTitle',
      text: { key: 'draft.noDraft' },
      manage: true,
    });
  });

  it("shows other failures in the backend's words, as a sentence", () => {
    expect(draftFailure({ code: 'not_found', message: 'ticket 9 does not exist' })).toEqual({
      code: 'not_found',
      title: 'draft.failedTitle',
      text: { message: 'Ticket 9 does not exist' },
      manage: false,
    });
  });
});

describe('hasText', () => {
  it('counts only what is more than whitespace', () => {
    expect(hasText(' \n\t')).toBe(false);
    expect(hasText(' x ')).toBe(true);
  });
});
