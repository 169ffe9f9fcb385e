import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app the bridge serves: built from ui/ into dist/app (`npm run build`).
export default defineConfig({
  root: 'ui',
  plugins: [react()],
  build: { outDir: '../dist/app', emptyOutDir: true },
});
