import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * zod and the module that configures it share one chunk: every chunk that builds a schema imports
 * this one, so `z.config({ jitless: true })` has run before any schema exists (otherwise zod probes
 * `new Function` and the strict CSP reports it; see src/web/zod-config.ts).
 */
const ZOD_CHUNK = /node_modules[\\/]zod[\\/]|src[\\/]web[\\/]zod-config\.ts$/;

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zod', test: ZOD_CHUNK }] } } },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:5000' } },
});
