import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import {
  APP_DESCRIPTION,
  APP_NAME,
  APP_SHORT_NAME,
  BACKGROUND_COLOR,
  MANIFEST_ICONS,
  THEME_COLOR,
} from './ui/app/home-screen.js';

/**
 * The libraries the app's first load is made of, each its own chunk: a tablet keeps them cached while
 * the app's own code changes from one build to the next, and no chunk passes Vite's 500 kB warning
 * (the clip editor is its own chunk too: ClipPage, loaded on the first visit to that page).
 */
const LIBRARIES = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'state', test: /[\\/]node_modules[\\/](xstate|@xstate[\\/][^\\/]+|rxjs|zod)[\\/]/ },
];

/**
 * The app on a tablet's home screen (ui/app/home-screen.ts): the web app manifest, and a service worker
 * (Workbox's, generated) that keeps the app shell, so the icon opens the app with the bridge away, and the
 * app says so and reconnects by itself. It precaches the build but the inspector's graph layout (1.6 MB,
 * a developer's tool that needs the bridge anyway) and caches nothing at run time: the bridge's answers
 * (the WebSocket, /session and /health with the token, the user layouts) always go to the bridge.
 * `autoUpdate`: a new build takes over on the next open; no prompt to answer.
 */
const homeScreen = VitePWA({
  registerType: 'autoUpdate',
  // ui/app/service-worker.ts registers it (virtual:pwa-register), after the page's own load
  injectRegister: false,
  // the icons are among the files the precache's patterns take already
  includeManifestIcons: false,
  manifest: {
    name: APP_NAME,
    short_name: APP_SHORT_NAME,
    description: APP_DESCRIPTION,
    // relative to the manifest: wherever the bridge serves the app, without the token (the app keeps it)
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: MANIFEST_ICONS.map(({ file, size, shape }) => ({
      src: file,
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose: shape === 'maskable' ? 'maskable' : 'any',
    })),
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,ico}'],
    globIgnores: ['**/elk-worker*.js'],
    // every address of the app opens it, offline too; what the bridge itself answers never gets the app instead
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/(session|health|ca\.crt)(\?|$)/, /^\/user-layouts\//],
    cleanupOutdatedCaches: true,
    // `autoUpdate` (the plugin sets these only when it injects the registration itself): a new worker takes
    // over at once, and the first one controls the page that registered it, so it works offline from then on
    skipWaiting: true,
    clientsClaim: true,
  },
});

// The app the bridge serves: built from ui/ into dist/app (`npm run build`).
export default defineConfig({
  root: 'ui',
  plugins: [react(), homeScreen],
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: LIBRARIES } } },
  },
});
