// The reply box of each ticket: what the agent has written (kept while switching tickets) and the
// draft they asked for — being written, waiting for their answer because the box had text, or failed.
// A draft only ever fills the box: sending stays the agent's action.
import { toBackendError, type Backend, type BackendError, type DraftView } from '../backend';
import { hasText } from '../drafts';

export interface Composer {
  body: string;
  /** Files to go with the reply or note; kept, like the text, until it is sent. */
  files: File[];
  /** The draft the box was filled with (the banner), until the box is emptied or sent. */
  source: DraftView | null;
  /** A draft that arrived while the box had text: it waits for the agent to replace or keep. */
  pending: DraftView | null;
  drafting: boolean;
  error: BackendError | null;
  /** A draft a rule prepared for the ticket, offered until the agent uses or dismisses it. */
  prepared: string | null;
}

/** `filled`: the box has the draft; `waiting`: it waits for replace / keep; `busy`: one is already coming. */
export type DraftOutcome = 'filled' | 'waiting' | 'failed' | 'busy';

const EMPTY: Composer = Object.freeze({ body: '', files: [], source: null, pending: null, drafting: false, error: null, prepared: null });

export class ComposerState {
  private boxes = $state<Record<number, Composer>>({});
  /** Tickets whose prepared draft was asked for already (once per ticket while the app runs). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private preparedAsked = new Set<number>();
  private readonly backend: Backend;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  /** The ticket's box (an empty one until something happens in it). */
  of(ticketId: number): Composer {
    return this.boxes[ticketId] ?? EMPTY;
  }

  private box(ticketId: number): Composer {
    const box = this.boxes[ticketId];
    if (box) return box;
    this.boxes[ticketId] = { ...EMPTY };
    // The stored (reactive) copy, not the object just assigned.
    return this.boxes[ticketId]!;
  }

  setBody(ticketId: number, body: string): void {
    if (!this.boxes[ticketId] && body === '') return;
    const box = this.box(ticketId);
    box.body = body;
    // An emptied box no longer holds the draft.
    if (!hasText(body)) box.source = null;
  }

  addFiles(ticketId: number, files: File[]): void {
    if (files.length === 0) return;
    const box = this.box(ticketId);
    box.files = [...box.files, ...files];
  }

  removeFile(ticketId: number, index: number): void {
    const box = this.boxes[ticketId];
    if (box) box.files = box.files.filter((_, i) => i !== index);
  }

  /** Asks for a draft; it fills an empty box, or waits for the agent's answer when the box has text. */
  async draft(ticketId: number): Promise<DraftOutcome> {
    const box = this.box(ticketId);
    if (box.drafting) return 'busy';
    box.drafting = true;
    box.error = null;
    box.pending = null;
    try {
      const draft = await this.backend.draftReply(ticketId);
      // Read again: the box may have been typed in, or sent and emptied, meanwhile.
      const now = this.box(ticketId);
      if (hasText(now.body)) {
        now.pending = draft;
        return 'waiting';
      }
      now.body = draft.text;
      now.source = draft;
      return 'filled';
    } catch (err) {
      this.box(ticketId).error = toBackendError(err);
      return 'failed';
    } finally {
      this.box(ticketId).drafting = false;
    }
  }

  /** The agent's answer to a waiting draft: replace the text with it, or keep their own. */
  resolvePending(ticketId: number, replace: boolean): void {
    const box = this.boxes[ticketId];
    const draft = box?.pending;
    if (!box || !draft) return;
    box.pending = null;
    if (replace) {
      box.body = draft.text;
      box.source = draft;
    }
  }

  /**
   * Asks whether a rule prepared a draft for the ticket (once per ticket); it is offered, never put in
   * the box by itself. A failure only loses the offer: the agent can still draft and write.
   */
  async loadPrepared(ticketId: number): Promise<void> {
    if (this.preparedAsked.has(ticketId)) return;
    this.preparedAsked.add(ticketId);
    try {
      const text = await this.backend.preparedDraft(ticketId);
      if (text !== null && text.trim() !== '') this.box(ticketId).prepared = text;
    } catch (err) {
      this.preparedAsked.delete(ticketId);
      console.error(err);
    }
  }

  /** The agent takes the prepared draft: it fills the box (replacing what was there, as they chose). */
  usePrepared(ticketId: number): void {
    const box = this.boxes[ticketId];
    const text = box?.prepared;
    if (!box || !text) return;
    box.body = text;
    box.source = null;
    box.pending = null;
    box.prepared = null;
  }

  dismissPrepared(ticketId: number): void {
    const box = this.boxes[ticketId];
    if (box) box.prepared = null;
  }

  dismissError(ticketId: number): void {
    const box = this.boxes[ticketId];
    if (box) box.error = null;
  }

  /** The reply went to the outbox (or the note was stored): the box starts empty again, files too. */
  sent(ticketId: number): void {
    const box = this.boxes[ticketId];
    if (!box) return;
    box.body = '';
    box.files = [];
    box.source = null;
    box.pending = null;
  }
}
