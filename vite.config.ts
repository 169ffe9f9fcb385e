import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app the bridge serves: built from ui/ into dist/app (`npm run build`).
export default defineConfig({
  root: 'ui',
  plugins: [react()],
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    // The first load is React, XState, RxJS, zod and the pages (about 150 kB gzipped, measured by
    // npm run bench:editor); the clip editor is its own chunk. Warn only when it grows past a budget.
    chunkSizeWarningLimit: 600,
  },
});
