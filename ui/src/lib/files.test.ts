import { describe, expect, it } from 'vitest';
import { MAX_FILES_BYTES, megabytes, overCap, toBase64, toReplyFile, totalSize } from './files';

describe('toBase64', () => {
  it('encodes text as the standard alphabet with padding', () => {
    expect(toBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('keeps every byte value, including those that are not text', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Buffer.from(toBase64(bytes), 'base64')).toEqual(Buffer.from(bytes));
  });

  it('encodes files larger than one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('the size cap', () => {
  it('sums the sizes', () => {
    expect(totalSize([])).toBe(0);
    expect(totalSize([{ size: 10 }, { size: 5 }])).toBe(15);
  });

  it('allows exactly 18 MB and refuses a byte more', () => {
    expect(MAX_FILES_BYTES).toBe(18 * 1024 * 1024);
    expect(overCap([{ size: MAX_FILES_BYTES - 1 }, { size: 1 }])).toBe(false);
    expect(overCap([{ size: MAX_FILES_BYTES }, { size: 1 }])).toBe(true);
  });

  it('rounds megabytes up to a tenth so an over-cap total never reads as 18', () => {
    expect(megabytes(MAX_FILES_BYTES + 1)).toBe(18.1);
    expect(megabytes(19 * 1024 * 1024)).toBe(19);
    expect(megabytes(1)).toBe(0.1);
  });
});

describe('toReplyFile', () => {
  it('reads name, type and bytes; a file without a type is application/octet-stream', async () => {
    const pdf = new File([Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff])], '发票.pdf', { type: 'application/pdf' });
    expect(await toReplyFile(pdf)).toEqual({ filename: '发票.pdf', content_type: 'application/pdf', data_base64: 'JVBERgD/' });
    const raw = new File(['x'], 'notes');
    expect((await toReplyFile(raw)).content_type).toBe('application/octet-stream');
  });
});
