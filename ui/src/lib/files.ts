// Files the agent attaches to a reply or note: the backend takes them base64-encoded, at most
// MAX_FILES_BYTES together (it refuses more too; checking first spares encoding a huge file).
import type { ReplyFile } from './backend';

/** What a reply or note can carry in all, as the backend's limit: 18 MB. */
export const MAX_FILES_BYTES = 18 * 1024 * 1024;

/** Bytes per String.fromCharCode call: large enough to be quick, small enough for the argument limit. */
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function totalSize(files: readonly { size: number }[]): number {
  return files.reduce((sum, f) => sum + f.size, 0);
}

export function overCap(files: readonly { size: number }[]): boolean {
  return totalSize(files) > MAX_FILES_BYTES;
}

/** Megabytes to one decimal, rounded up, as an over-cap total is shown: it never reads as within 18. */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes * 10) / (1024 * 1024)) / 10;
}

/** The file as send_reply / add_note take it; a file without a type goes as application/octet-stream. */
export async function toReplyFile(file: File): Promise<ReplyFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { filename: file.name, content_type: file.type || 'application/octet-stream', data_base64: toBase64(bytes) };
}

/** The files of a drop or paste (text dragged or pasted has none). */
export function filesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}
