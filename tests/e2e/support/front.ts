import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { E2E_PORT } from '../../../playwright.config';

// The cache front for the e2e run: `npm run front` (Varnish) in front of the e2e server. The
// server is started with MASTHEAD_FRONT_URLS naming it (tests/e2e/global-setup.ts).
export const FRONT_PORT = Number(process.env.E2E_FRONT_PORT ?? 3180);
export const FRONT_URL = `http://127.0.0.1:${FRONT_PORT}`;

export type Front = { stop: () => Promise<void> };

export async function startFront(): Promise<Front> {
  let output = '';
  // Node itself, not the tsx command: tsx relays a stop signal only if its child acknowledges it
  // within 30 ms, and otherwise kills it outright, which on a busy machine leaves Varnish running
  // without its parent, still answering on the port.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/front.ts'], {
    env: { ...process.env, PORT: String(E2E_PORT), FRONT_PORT: String(FRONT_PORT), FRONT_HOST: '127.0.0.1' },
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run front exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The front did not answer:\n${output}`);
    try {
      if ((await fetch(`${FRONT_URL}/api/ready`, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await portClosed();
    },
  };
}

/** Resolves once nothing answers on the front's port; a stopped front that still answers is a broken test. */
async function portClosed(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(FRONT_PORT, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The front was stopped but something still answers on port ${FRONT_PORT}.`);
}

/** One of the running front's counters (varnishstat), e.g. MAIN.n_gunzip. */
export function frontCounter(name: string): number {
  const out = spawnSync('varnishstat', ['-n', path.join(os.tmpdir(), `masthead-front-${FRONT_PORT}`), '-1', '-f', name], { encoding: 'utf8' });
  const value = out.stdout.trim().split(/\s+/)[1];
  if (out.status !== 0 || value === undefined) throw new Error(`varnishstat could not read ${name}: ${out.stderr || out.stdout}`);
  return Number(value);
}
