/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker vite.config.ts has Workbox generate: it keeps the app
 * shell (the page, its scripts, styles and icons), so a tablet that opens
 * the app while the bridge is away still gets the app, which says so and
 * reconnects by itself. Never the bridge's answers: the WebSocket, the
 * token check, /health and the user layouts always go to the bridge.
 */
import { registerSW } from 'virtual:pwa-register';
import { removeBuiltAppsWorker } from './leftover-service-worker';

/**
 * Registers the service worker of a built app once the page has loaded (its precache would otherwise
 * compete with the page's own first load). It updates itself: the bridge serving a new build,
 * the next open installs it, and the page reloads onto it. In development there is none (Vite serves the
 * sources), and one a built app left on this address is removed, or it would keep serving its old build.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  if (import.meta.env.DEV) void removeBuiltAppsWorker(navigator.serviceWorker);
  else registerSW();
}
