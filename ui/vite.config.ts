/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles: Svelte style directives, and message HTML in srcdoc frames (which inherit this policy).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ipc: http://ipc.localhost",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Tauri serves the built files from ui/dist; in development it loads the dev server on 1420.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // As Tauri's template: devUrl in tauri.conf.json is http://localhost:1420; TAURI_DEV_HOST is set
  // by `tauri dev` for mobile targets.
  server: {
    port: 1420,
    strictPort: true,
    host: process.env.TAURI_DEV_HOST || false,
    hmr: process.env.TAURI_DEV_HOST ? { protocol: 'ws', host: process.env.TAURI_DEV_HOST, port: 1421 } : undefined,
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  preview: {
    port: 4173,
    strictPort: true,
    host: '127.0.0.1',
    // The policy the UI is built to run under (the Tauri window should use the same one).
    headers: { 'Content-Security-Policy': CSP },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2022', 'chrome111', 'safari16'],
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
