import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The rate limiter keeps its counts in PostgreSQL; when PostgreSQL stops answering (frozen, not
// refusing), it must not hold the request: after 500 ms this instance counts in memory instead, and
// still limits. The frozen database here is a TCP server that accepts connections and never
// answers, as a stopped PostgreSQL does.

let frozen: net.Server;
let frozenUrl: string;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  frozen = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => frozen.listen(0, '127.0.0.1', resolve));
  frozenUrl = Object.assign(new URL(inject('databaseUrl')), { hostname: '127.0.0.1', port: String((frozen.address() as net.AddressInfo).port) }).toString();
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => frozen.close(resolve));
});

function probe(databaseUrl: string, times: number, limit: number): Promise<{ ok: boolean; ms: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/rate-limit-probe.ts', String(times)], {
      env: { ...process.env, DATABASE_URL: databaseUrl, MASTHEAD_SEARCH_RATE_LIMIT: String(limit) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`probe exited ${code}: ${err}`))));
  });
}

describe('public rate limits', () => {
  it('answer within a second per request while the database is frozen, and still limit, in memory', { timeout: 60_000 }, async () => {
    const answers = await probe(frozenUrl, 4, 2);
    expect(answers.map((a) => a.ok)).toEqual([true, true, false, false]);
    // Each answer waited for the store at most about its 500 ms timeout (the first also loads code).
    for (const answer of answers.slice(1)) expect(answer.ms).toBeLessThan(1_500);
  });

  it('count in the database when it answers: a second process sees the first one’s requests', { timeout: 60_000 }, async () => {
    const first = await probe(inject('databaseUrl'), 2, 3);
    expect(first.map((a) => a.ok)).toEqual([true, true]);
    const second = await probe(inject('databaseUrl'), 2, 3);
    expect(second.map((a) => a.ok)).toEqual([true, false]);
  });
});
