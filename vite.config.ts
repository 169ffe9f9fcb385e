import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The libraries the app's first load is made of, each its own chunk: a tablet keeps them cached while
 * the app's own code changes from one build to the next, and no chunk passes Vite's 500 kB warning
 * (the clip editor is its own chunk too: ClipPage, loaded on the first visit to that page).
 */
const LIBRARIES = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'state', test: /[\\/]node_modules[\\/](xstate|@xstate[\\/][^\\/]+|rxjs|zod)[\\/]/ },
];

// The app the bridge serves: built from ui/ into dist/app (`npm run build`).
export default defineConfig({
  root: 'ui',
  plugins: [react()],
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: LIBRARIES } } },
  },
});
