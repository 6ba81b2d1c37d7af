// The files of send_reply / add_note, checked and stored as the Rust side does (commands::files):
// names cleaned of any path, a content type that is not type/subtype sent as application/octet-stream,
// at most 18 MB together, each base64 that decodes.
import type { AppError, Attachment } from '../../src/lib/backend';

const MAX_BYTES = 18 * 1024 * 1024;
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

export type StoredFile = Omit<Attachment, 'id'>;

function fail(message: string): AppError {
  return { code: 'invalid_input', message };
}

/** The name without any folder ("C:\x\a.pdf" → "a.pdf"); an empty, "." or ".." name is refused. */
function cleanName(raw: string): string {
  const name = raw.split(/[\\/]/).pop()!.trim();
  if (name === '' || name === '.' || name === '..') throw fail(`'${raw}' is not a file name`);
  return name;
}

function decode(name: string, data: string): Uint8Array {
  try {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) throw new Error('Invalid symbol or length');
    return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  } catch (err) {
    throw fail(`'${name}' could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks the command's `files` argument and returns them as the message will list them. */
export async function checkFiles(raw: unknown): Promise<StoredFile[]> {
  if (raw === undefined) throw 'invalid args `files` for command: command missing required key files';
  if (!Array.isArray(raw)) throw 'invalid args `files` for command: expected a sequence';
  const decoded = raw.map((f: unknown) => {
    const x = (f ?? {}) as Partial<Record<'filename' | 'content_type' | 'data_base64', unknown>>;
    if (typeof x.filename !== 'string' || typeof x.content_type !== 'string' || typeof x.data_base64 !== 'string') {
      throw 'invalid args `files` for command: expected a ReplyFile';
    }
    const filename = cleanName(x.filename);
    const content_type = MEDIA_TYPE.test(x.content_type.trim()) ? x.content_type.trim().toLowerCase() : 'application/octet-stream';
    return { filename, content_type, bytes: decode(filename, x.data_base64) };
  });
  const total = decoded.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > MAX_BYTES) {
    throw fail(`the files come to ${(total / (1024 * 1024)).toFixed(1)} MB; a reply can carry at most 18 MB`);
  }
  return Promise.all(
    decoded.map(async (f) => ({ filename: f.filename, content_type: f.content_type, size: f.bytes.length, sha256: await sha256(f.bytes), inline: false })),
  );
}
