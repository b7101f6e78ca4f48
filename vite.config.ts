import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Cross-origin isolation lets onnxruntime-web run on several threads (SharedArrayBuffer). */
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [react()],
  // 'mpa' turns off the SPA fallback: a missing model or wasm file must answer 404, not index.html.
  appType: 'mpa',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173, strictPort: true, headers: isolation },
  preview: { port: 4173, strictPort: true, headers: isolation },
});
