/**
 * In development (Vite serving the sources through the bridge), a service
 * worker that a built app registered on the same address would go on
 * answering with its old build: this removes it. Apart from
 * service-worker.ts so it runs without Vite's plugin (in tests).
 */

/** The part of `navigator.serviceWorker` development uses. */
export type ServiceWorkers = Pick<ServiceWorkerContainer, 'controller' | 'getRegistrations'>;

/** Unregisters every service worker of this address; reloads when one served this page (its old build). */
export async function removeBuiltAppsWorker(
  workers: ServiceWorkers,
  reload: () => void = () => window.location.reload(),
): Promise<void> {
  const registrations = await workers.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
  // this very page came from the old build's cache: load the sources (once: unregistered, no worker answers)
  if (workers.controller) reload();
}
