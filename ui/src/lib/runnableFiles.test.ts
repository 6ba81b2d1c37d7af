import { describe, expect, it } from 'vitest';
import { isRunnableFile } from './runnableFiles';

describe('isRunnableFile', () => {
  it('knows programs and scripts whatever the case, and only by the last extension', () => {
    for (const name of ['setup.exe', 'INVOICE.PDF.EXE', 'run.sh', 'x.desktop', 'tool.AppImage', 'a.js', 'b.py']) {
      expect(isRunnableFile(name), name).toBe(true);
    }
    for (const name of ['invoice.pdf', 'logo.svg', 'exe', 'notes.txt', 'page.html', 'setup.exe.txt']) {
      expect(isRunnableFile(name), name).toBe(false);
    }
  });
});
