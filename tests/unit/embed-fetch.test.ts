import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '@/lib/embeds/addresses';
import { FetchRefusedError, safeFetch, type RefusalReason } from '@/lib/embeds/safe-fetch';

// The embed resolver's fetch: private addresses refused before and after DNS and on every
// redirect, and the size, time and redirect limits, against a server of the test's own.

describe('private addresses', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fd00::1', 'fc12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '2001:db8::1', '[::1]', 'fe80::1%eth0', 'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') return res.end('<html><title>Fine</title></html>');
    if (path === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/to-localhost') return res.writeHead(301, { location: `http://localhost:${port}/ok` }).end();
    if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (path === '/two-hops') return res.writeHead(302, { location: '/one-hop' }).end();
    if (path === '/one-hop') return res.writeHead(307, { location: '/ok' }).end();
    if (path === '/big-declared') return res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024));
    if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 'a'));
      return res.end();
    }
    if (path === '/slow') return; // never answers
    if (path === '/gone') return res.writeHead(410).end();
    if (path === '/missing') return res.writeHead(404).end();
    if (path === '/broken') return res.writeHead(500).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  trusted = new Set([`127.0.0.1:${port}`]);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let trusted: Set<string>;

async function refusal(promise: Promise<unknown>): Promise<RefusalReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return (error as FetchRefusedError).reason;
}

describe('safeFetch', () => {
  it('fetches from a trusted host (a providers-list endpoint), following redirects up to three', async () => {
    const page = await safeFetch(`${base}/two-hops`, { trustedHosts: trusted });
    expect(page.body.toString()).toContain('<title>Fine</title>');
    expect(page.url).toBe(`${base}/ok`);
  });

  it('refuses a loopback address literally written, and a name that resolves to one (localhost)', async () => {
    expect(await refusal(safeFetch(`${base}/ok`))).toBe('private-address');
    // Trust is for the endpoint's host and port, not the whole machine.
    expect(await refusal(safeFetch(`${base}/ok`, { trustedHosts: new Set(['127.0.0.1', `127.0.0.1:${port + 1}`]) }))).toBe('private-address');
    expect(await refusal(safeFetch(`http://localhost:${port}/ok`))).toBe('private-address');
    expect(await refusal(safeFetch(`http://[::1]:${port}/ok`))).toBe('private-address');
    expect(await refusal(safeFetch(`http://[::ffff:127.0.0.1]:${port}/ok`))).toBe('private-address');
  });

  it('checks every redirect: to the cloud metadata address, or to a private name, is refused', async () => {
    expect(await refusal(safeFetch(`${base}/to-metadata`, { trustedHosts: trusted }))).toBe('private-address');
    expect(await refusal(safeFetch(`${base}/to-localhost`, { trustedHosts: trusted }))).toBe('private-address');
  });

  it('refuses what is not http(s) or carries credentials', async () => {
    for (const address of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com/x', 'gopher://127.0.0.1:70/', 'not a url', `http://user:pw@127.0.0.1:${port}/ok`]) {
      expect(await refusal(safeFetch(address, { trustedHosts: trusted }))).toBe('bad-address');
    }
  });

  it('keeps to 1 MB whether or not the size is declared, to the time limit, and to three redirects', async () => {
    expect(await refusal(safeFetch(`${base}/big-declared`, { trustedHosts: trusted }))).toBe('too-large');
    expect(await refusal(safeFetch(`${base}/big-chunked`, { trustedHosts: trusted }))).toBe('too-large');
    expect(await refusal(safeFetch(`${base}/slow`, { trustedHosts: trusted, timeoutMs: 300 }))).toBe('timed-out');
    expect(await refusal(safeFetch(`${base}/loop`, { trustedHosts: trusted }))).toBe('too-many-redirects');
  });

  it('names what the site answered: not found (404, 410) or an error', async () => {
    expect(await refusal(safeFetch(`${base}/gone`, { trustedHosts: trusted }))).toBe('not-found');
    expect(await refusal(safeFetch(`${base}/missing`, { trustedHosts: trusted }))).toBe('not-found');
    expect(await refusal(safeFetch(`${base}/broken`, { trustedHosts: trusted }))).toBe('http-error');
  });
});
