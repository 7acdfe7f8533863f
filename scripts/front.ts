import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isIP } from 'node:net';
import { purgeSecret } from '../lib/security/purge-secret';

// `npm run front`: Varnish in front of a running Masthead. Listens on FRONT_PORT (8080) and
// forwards to PORT (3000) on FRONT_BACKEND_HOST (127.0.0.1). The app purges it when
// MASTHEAD_FRONT_URLS names it. Addresses other than this machine's that may purge:
// FRONT_PURGERS (comma-separated IPs). FRONT_HOST limits the listening address.

const log = (msg: string) => console.log(`[front] ${msg}`);
const fail = (msg: string): never => {
  console.error(`[front] ${msg}`);
  process.exit(1);
};

const CANDIDATES = ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd'];
const varnishd = process.env.VARNISHD ?? CANDIDATES.find(existsSync) ?? (spawnSync('which', ['varnishd']).stdout?.toString().trim() || null);
if (!varnishd) fail('Varnish is not installed. Install it with `sudo apt-get install varnish varnish-modules` (Debian/Ubuntu), then run `npm run front` again.');

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${name} must be a port number.`);
  return value;
};
const backendPort = port('PORT', 3000);
const frontPort = port('FRONT_PORT', 8080);
const backendHost = process.env.FRONT_BACKEND_HOST || '127.0.0.1';
const listen = `${process.env.FRONT_HOST ?? ''}:${frontPort}`;
const purgers = (process.env.FRONT_PURGERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const ip of purgers) if (!isIP(ip)) fail(`FRONT_PURGERS must list IP addresses; "${ip}" is not one.`);

// varnishd drops privileges to its own user, which must be able to read the VCL and the workdir.
const workdir = path.join(os.tmpdir(), `masthead-front-${frontPort}`);
rmSync(workdir, { recursive: true, force: true });
mkdirSync(workdir, { recursive: true });
chmodSync(workdir, 0o755);
const vclFile = path.join(workdir, 'masthead.vcl');
const template = readFileSync(path.join(import.meta.dirname, '..', 'deploy', 'varnish', 'masthead.vcl'), 'utf8');
writeFileSync(
  vclFile,
  template
    .replace('__BACKEND_HOST__', backendHost)
    .replace('__BACKEND_PORT__', String(backendPort))
    .replace('__PURGERS__', purgers.map((ip) => `    "${ip}";`).join('\n'))
    .replace('__PURGE_SECRET__', purgeSecret()),
  { mode: 0o600 },
);
// The VCL holds the purge secret: readable by varnishd's own user alone (as root, hand it over).
const varnishUser = spawnSync('id', ['-u', 'varnish'], { encoding: 'utf8' });
if (process.getuid?.() === 0 && varnishUser.status === 0) chownSync(vclFile, Number(varnishUser.stdout.trim()), 0);
else if (process.getuid?.() !== 0) chmodSync(vclFile, 0o644);

const check = spawnSync(varnishd!, ['-C', '-f', vclFile, '-n', path.join(workdir, 'check')], { encoding: 'utf8' });
if (check.status !== 0) {
  const why = `${check.stderr}${check.stdout}`;
  if (/xkey/.test(why)) fail('The xkey module is missing. Install it with `sudo apt-get install varnish-modules`.');
  fail(`The VCL did not compile:\n${why}`);
}

const child = spawn(varnishd!, ['-F', '-a', listen, '-f', vclFile, '-n', workdir, '-s', `malloc,${process.env.FRONT_MEMORY ?? '256m'}`], { stdio: 'inherit' });
log(`Varnish on ${listen} in front of http://${backendHost}:${backendPort}. Purge it by setting MASTHEAD_FRONT_URLS=http://127.0.0.1:${frontPort} for the app.`);
const stop = () => {
  if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(workdir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
