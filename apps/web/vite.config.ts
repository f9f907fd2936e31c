/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev -w @sfw/web` sends /graphql and the development sign-in (the running gateway). */
const gateway = process.env['WEB_DEV_GATEWAY'] ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env['WEB_DEV_PORT'] ?? 5173),
    proxy: { '/graphql': gateway, '/dev/': gateway },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
  },
});
