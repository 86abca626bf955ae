/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fallbackShell } from './scripts/fallbackShell';

export default defineConfig({
  plugins: [react(), fallbackShell()],
  build: {
    target: 'es2022',
    // Budgets are asserted on the emitted bytes, so keep the report readable.
    reportCompressedSize: true,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
  },
});
