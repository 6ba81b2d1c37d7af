// PROVISIONAL, written by hand in the shape tauri-specta 2.0.0-rc.26 generates.
// The lead overwrites this file with the real generated one; nothing but
// src/lib/backend.ts may import it.
/* eslint-disable */

import { invoke as TAURI_INVOKE } from "@tauri-apps/api/core";
import * as TAURI_API_EVENT from "@tauri-apps/api/event";

export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export type AppError = { code: string; message: string };
export type TicketStatus = "new" | "open" | "pending" | "resolved" | "closed";
export type Priority = "urgent" | "high" | "normal" | "low";
export type ChannelKind = "email" | "phone" | "telegram" | "wechat";
export type Direction = "inbound" | "outbound" | "note";
export type OutboxState = "queued" | "sending" | "sent" | "failed";
export type TicketView =
  | { kind: "all_open" }
  | { kind: "unassigned" }
  | { kind: "needs_review" }
  | { kind: "resolved" }
  | { kind: "channel"; channel: ChannelKind };
export type ViewCount = { view: TicketView; count: number };
export type TicketSummary = {
  id: number;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  category: string | null;
  channel: ChannelKind;
  customer_name: string;
  customer_address: string;
  preview: string;
  summary: string | null;
  message_count: number;
  needs_review: boolean;
  unread: boolean;
  created_at: number;
  updated_at: number;
};
export type Attachment = { id: number; filename: string; content_type: string; size: number };
export type Message = {
  id: number;
  direction: Direction;
  author_name: string;
  author_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  sent_at: number;
  auto_generated: boolean;
  attachments: Attachment[];
};
export type CustomerIdentity = { channel: ChannelKind; address: string };
export type Customer = { id: number; display_name: string; identities: CustomerIdentity[]; ticket_count: number };
export type OutboxItem = {
  id: number;
  ticket_id: number;
  state: OutboxState;
  body_text: string;
  error: string | null;
  created_at: number;
};
export type TicketDetail = { ticket: TicketSummary; customer: Customer; messages: Message[]; outbox: OutboxItem[] };
export type WorkspaceStatus = { data_dir: string; account_count: number; ticket_count: number; demo: boolean };
export type ImportSummary = { imported: number; duplicates: number; failed: number; tickets_created: number };
export type ImportProgress = { done: number; total: number };
export type TicketsChanged = { ticket_ids: number[] };

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<Result<T, AppError>> {
  try {
    return { status: "ok", data: await TAURI_INVOKE<T>(cmd, args) };
  } catch (e) {
    if (e instanceof Error) throw e;
    else return { status: "error", error: e as any };
  }
}

export const commands = {
  async workspaceStatus(): Promise<Result<WorkspaceStatus, AppError>> {
    return call("workspace_status");
  },
  async openDemoWorkspace(): Promise<Result<ImportSummary, AppError>> {
    return call("open_demo_workspace");
  },
  async viewCounts(): Promise<Result<ViewCount[], AppError>> {
    return call("view_counts");
  },
  async listTickets(view: TicketView, limit: number, offset: number): Promise<Result<TicketSummary[], AppError>> {
    return call("list_tickets", { view, limit, offset });
  },
  async getTicket(ticketId: number): Promise<Result<TicketDetail, AppError>> {
    return call("get_ticket", { ticketId });
  },
  async searchTickets(query: string, limit: number): Promise<Result<TicketSummary[], AppError>> {
    return call("search_tickets", { query, limit });
  },
  async sendReply(ticketId: number, body: string): Promise<Result<OutboxItem, AppError>> {
    return call("send_reply", { ticketId, body });
  },
  async setTicketStatus(ticketId: number, status: TicketStatus): Promise<Result<TicketSummary, AppError>> {
    return call("set_ticket_status", { ticketId, status });
  },
  async markTicketRead(ticketId: number): Promise<Result<null, AppError>> {
    return call("mark_ticket_read", { ticketId });
  },
};

function makeEvent<T>(name: string) {
  return {
    listen: (cb: TAURI_API_EVENT.EventCallback<T>) => TAURI_API_EVENT.listen<T>(name, cb),
    once: (cb: TAURI_API_EVENT.EventCallback<T>) => TAURI_API_EVENT.once<T>(name, cb),
    emit: (payload: T) => TAURI_API_EVENT.emit(name, payload),
  };
}

export const events = {
  ticketsChanged: makeEvent<TicketsChanged>("tickets-changed"),
  importProgress: makeEvent<ImportProgress>("import-progress"),
};
