import { describe, expect, it, vi } from 'vitest';
import { removeBuiltAppsWorker, type ServiceWorkers } from './leftover-service-worker';

/** Service workers a built app left on this address, one of them serving the page or none. */
function leftWorkers(controlled: boolean) {
  const registrations = [
    { unregister: vi.fn(() => Promise.resolve(true)) },
    { unregister: vi.fn(() => Promise.resolve(true)) },
  ];
  const workers = {
    controller: controlled ? ({} as ServiceWorker) : null,
    getRegistrations: () => Promise.resolve(registrations as unknown as readonly ServiceWorkerRegistration[]),
  } satisfies ServiceWorkers;
  return { workers, registrations };
}

describe('removeBuiltAppsWorker (development)', () => {
  it('unregisters what a built app left, and reloads a page it served onto the sources', async () => {
    const { workers, registrations } = leftWorkers(true);
    const reload = vi.fn();
    await removeBuiltAppsWorker(workers, reload);
    for (const registration of registrations) expect(registration.unregister).toHaveBeenCalledOnce();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('does not reload a page the sources served', async () => {
    const { workers, registrations } = leftWorkers(false);
    const reload = vi.fn();
    await removeBuiltAppsWorker(workers, reload);
    for (const registration of registrations) expect(registration.unregister).toHaveBeenCalledOnce();
    expect(reload).not.toHaveBeenCalled();
  });
});
