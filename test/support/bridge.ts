/** A bridge on the simulator, on free ports, for cross-process tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeClient } from '../../bridge/bridge-client';
import { startBridge, type BridgeOptions, type RunningBridge } from '../../bridge/bridge';
import { memoryLog } from '../../bridge/log';
import { freePorts } from '../../bridge/net';
import type { SimulatorHand } from '../../bridge/simulator-process';

/** A fixed token strong enough for the bridge (see bridge/token.ts). */
export const TOKEN = 'test-token-4fQ9zK2mXw7LpR8vT3bN';

export interface TestBridge {
  bridge: RunningBridge;
  url: string;
  /** This bridge's layouts folder (its saved pages): a temporary one of its own, removed on close, unless overridden. */
  layoutsDir: string | null;
  client(options?: { origin?: string; hello?: boolean }): Promise<BridgeClient>;
  /** What a musician does in Live's UI, done in the simulator (bridge/simulator-process.ts, `SimulatorHand`). */
  hand(action: SimulatorHand): void;
  close(): Promise<void>;
}

export async function startTestBridge(overrides: Partial<BridgeOptions> = {}): Promise<TestBridge> {
  // the simulator binds its MIDI input itself (0) and names it; only the script's port is chosen here
  const [scriptPort] = await freePorts(1);
  const simulatorMidiPort = 0;
  // never the project's layouts/: a test's pages would land beside the real ones
  const ownLayouts = 'layoutsDir' in overrides ? null : mkdtempSync(join(tmpdir(), 'livesurface-layouts-'));
  const layoutsDir = overrides.layoutsDir ?? ownLayouts;
  const removeOwnLayouts = (): void => {
    if (ownLayouts !== null) rmSync(ownLayouts, { recursive: true, force: true });
  };
  const starting = startBridge({
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    mode: 'sim',
    scriptPort,
    simulatorMidiPort,
    appDir: mkdtempSync(join(tmpdir(), 'no-app-')),
    log: memoryLog(),
    layoutsDir,
    ...overrides,
  });
  const bridge = await starting.catch((error: unknown) => {
    removeOwnLayouts();
    throw error;
  });
  // over TLS when given a certificate (`tls`); `client()` cannot reach that one: BridgeClient trusts no local CA
  const url = `${overrides.tls ? 'https' : 'http'}://127.0.0.1:${bridge.port}`;
  const clients: BridgeClient[] = [];
  for (let i = 0; i < 200 && !bridge.upstream.online; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  return {
    bridge,
    url,
    layoutsDir,
    async client(options = {}) {
      const client = await BridgeClient.connect(url, TOKEN, options);
      clients.push(client);
      return client;
    },
    hand(action) {
      if (!bridge.simulator) throw new Error('the test bridge runs no simulator: no hands in Live');
      bridge.simulator.hand(action);
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await bridge.close();
      removeOwnLayouts();
    },
  };
}
