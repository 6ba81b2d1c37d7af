// Test fixtures: a recording proxy that every browser context of a worker sends its traffic to.
// Chromium bypasses proxies for loopback, so only requests for other hosts reach it; it records
// them and refuses them. This sees requests from every frame and process (Playwright's own
// request events miss those of sandboxed srcdoc frames, which Chromium runs out of process).
import { test as base, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  server: string;
  /** Hosts and URLs that tried to leave the machine since the last `clear()`. */
  entries: string[];
  clear(): void;
}

async function startRecorder(): Promise<{ recorder: Recorder; server: Server }> {
  const entries: string[] = [];
  const server = createServer((req, res) => {
    entries.push(req.url ?? '?');
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    entries.push(`CONNECT ${req.url ?? '?'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    recorder: { server: `http://127.0.0.1:${port}`, entries, clear: () => (entries.length = 0) },
  };
}

export const test = base.extend<{ noExternalRequests: Recorder }, { recorder: Recorder }>({
  recorder: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured object
    async ({}, use) => {
      const { recorder, server } = await startRecorder();
      await use(recorder);
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: 'worker' },
  ],
  proxy: async ({ recorder }, use) => {
    await use({ server: recorder.server, bypass: '127.0.0.1,localhost,[::1]' });
  },
  /** Automatic: every test fails if anything tried to reach a host other than this machine. */
  noExternalRequests: [
    async ({ recorder }, use) => {
      recorder.clear();
      await use(recorder);
      expect(recorder.entries, 'requests that tried to leave the machine').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
