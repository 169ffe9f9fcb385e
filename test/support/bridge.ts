/** A bridge on the simulator, on free ports, for cross-process tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeClient } from '../../bridge/bridge-client';
import { startBridge, type BridgeOptions, type RunningBridge } from '../../bridge/bridge';
import { memoryLog } from '../../bridge/log';
import { freePorts } from '../../bridge/net';

/** A fixed token strong enough for the bridge (see bridge/token.ts). */
export const TOKEN = 'test-token-4fQ9zK2mXw7LpR8vT3bN';

export interface TestBridge {
  bridge: RunningBridge;
  url: string;
  client(options?: { origin?: string; hello?: boolean }): Promise<BridgeClient>;
  close(): Promise<void>;
}

export async function startTestBridge(overrides: Partial<BridgeOptions> = {}): Promise<TestBridge> {
  const [scriptPort, simulatorMidiPort] = await freePorts(2);
  const bridge = await startBridge({
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    mode: 'sim',
    scriptPort,
    simulatorMidiPort,
    appDir: mkdtempSync(join(tmpdir(), 'no-app-')),
    log: memoryLog(),
    ...overrides,
  });
  const url = `http://127.0.0.1:${bridge.port}`;
  const clients: BridgeClient[] = [];
  for (let i = 0; i < 200 && !bridge.upstream.online; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  return {
    bridge,
    url,
    async client(options = {}) {
      const client = await BridgeClient.connect(url, TOKEN, options);
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await bridge.close();
    },
  };
}
