import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PORTS } from './support/ports';

// `npm start` on its own embedded PostgreSQL, stopped the way a terminal stops it: Ctrl-C sends
// SIGINT to the whole foreground process group. The job queue stops first, then Next, then
// PostgreSQL, one line each, and nothing else is printed (no stack traces).

const PORT = PORTS.shutdown;

test('Ctrl-C stops the job queue, then Next, then PostgreSQL, one line each', async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-shutdown-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when the tests run as root
  const env = { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_PG_PORT: '55462', PORT: String(PORT), DATABASE_URL: '', AUTH_SECRET: 'shutdown-test-secret-0123456789abcdefghij', MASTHEAD_SITE_URL: `http://127.0.0.1:${PORT}`, MASTHEAD_DEMO: '1', NEXT_TELEMETRY_DISABLED: '1' };
  // A process group of its own, as a shell gives a foreground job.
  const run = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/run.ts', 'start'], { env, detached: true }); // as `npm start` runs it
  let output = '';
  run.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => run.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 200_000;
    for (;;) {
      if (run.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not become ready:\n${output}`);
      const ready = await fetch(`http://127.0.0.1:${PORT}/api/ready`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      if (ready?.status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Work in progress: pages rendered, the job queue polling.
    expect((await fetch(`http://127.0.0.1:${PORT}/`)).status).toBe(200);
    const before = output.length;
    process.kill(-run.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    const lines = output.slice(before).split('\n').filter((line) => line.trim() !== '');
    // Structured request lines (JSON, pino) may still arrive; none may be an error.
    const structured = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(structured.filter((entry) => entry.level >= 50)).toEqual([]);
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual(['[masthead] Job queue stopped.', '[masthead] Next stopped.', '[masthead] PostgreSQL stopped.']);
  } finally {
    if (run.exitCode === null) process.kill(-run.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
