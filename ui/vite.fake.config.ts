// Builds the test-only fake backend (e2e/fake) as one classic script that Playwright injects
// before the app boots. Never part of the shipped app (ui/dist).
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist-e2e',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: 'e2e/fake/install.ts',
      formats: ['iife'],
      name: 'SwitchboardFake',
      fileName: () => 'fake-backend.js',
    },
  },
});
