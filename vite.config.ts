import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './src/pwa/csp.ts';
import { IMAGE_TOOLS_FILES, LLAMA_WASM } from './src/pwa/caches.ts';

/** Cross-origin isolation lets onnxruntime-web run on several threads (SharedArrayBuffer). */
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** The built page carries its CSP in a meta tag, so it holds on any static host; dev keeps Vite's inline HMR scripts working. */
function cspMeta(): Plugin {
  return {
    name: 'loupe-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`),
  };
}

const accept = {
  'image/*': ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp', '.avif'],
  'application/pdf': ['.pdf'],
};

export default defineConfig({
  plugins: [
    react(),
    cspMeta(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // The icons are already in the glob below.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Loupe — receipts and documents, read on your device',
        short_name: 'Loupe',
        description: 'Reads receipts, photos and PDFs on your device. Nothing is uploaded.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7fb',
        theme_color: '#1f2a44',
        icons: [
          { src: '/icons/any-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/any-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        file_handlers: [{ action: '/', accept }],
        launch_handler: { client_mode: 'focus-existing' },
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'files', accept: Object.keys(accept) }] },
        },
      },
      injectManifest: {
        // Tesseract (the second engine) and source maps are left to the network and the runtime cache.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,wasm,onnx,txt,bcmap,pfb,ttf}'],
        // OpenCV.js (photo straightening) and llama.cpp (GGUF models) are cached when first needed (workers/sw.ts).
        globIgnores: ['vendor/tesseract/**', '**/*.map', ...IMAGE_TOOLS_FILES, LLAMA_WASM],
        maximumFileSizeToCacheInBytes: 48 * 1024 * 1024,
      },
    }),
  ],
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
