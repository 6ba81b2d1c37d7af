import { defineConfig } from '@playwright/test';

// UI end-to-end tests: the built app (ui/dist) served by `vite preview`, the backend replaced at
// the IPC level by e2e/fake (built into dist-e2e/fake-backend.js). Uses the system Chromium;
// Playwright never downloads a browser here.
// E2E_PORT lets two runs (two checkouts) share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1360, height: 860 },
    locale: 'en-US',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Browser-side services that would otherwise call Google hosts on their own and show up
        // as outside traffic in the recording proxy (see e2e/fixtures.ts).
        '--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter',
        '--disable-domain-reliability',
        '--disable-client-side-phishing-detection',
        '--no-pings',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
