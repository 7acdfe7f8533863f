import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// `npm run test:e2e`: make sure Debian's Chromium and Varnish are there, build for production, run Playwright.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing; installing Debian\'s chromium package…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.error(`Chromium was not found at ${CHROMIUM}. Install it with \`sudo apt-get install chromium\` or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}

// The cache front's tests run a real Varnish with the xkey module, installed the same way.
if (!['/usr/sbin/varnishd', '/usr/local/sbin/varnishd'].some(existsSync) || !existsSync('/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so')) {
  if (process.getuid?.() === 0) {
    console.log('Varnish is missing; installing Debian\'s varnish and varnish-modules packages…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'varnish', 'varnish-modules'], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.error('Varnish was not found. Install it with `sudo apt-get install varnish varnish-modules`.');
    process.exit(1);
  }
}

run('npm', ['run', 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
