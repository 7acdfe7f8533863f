import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchAutosave } from '../tests/bench/autosave';
import { startAppServer } from './lib/app-server';

// `npm run bench`: measures against a production server on a fresh database. Every figure is
// printed next to a baseline from the same run, because absolute timings on shared machines drift.

async function main() {
  if (!existsSync('.next/BUILD_ID') || process.argv.includes('--build')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const app = await startAppServer({ port: 3200, pgPort: 55435, name: 'bench', logFile: 'test-results/bench-server.log' });
  try {
    const autosave = await benchAutosave(app.baseUrl);
    const [baseline, save] = autosave.rows;
    console.log(`\nAutosave round trip (${autosave.rounds} rounds, ${Math.round(autosave.payloadBytes / 1024)} KiB per save)\n`);
    console.log('                                   p50 ms    p95 ms');
    for (const r of autosave.rows) console.log(`  ${r.name.padEnd(32)} ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(8)}`);
    console.log(`  ${'ratio autosave / baseline'.padEnd(32)} ${(save!.p50 / baseline!.p50).toFixed(1).padStart(6)}×  ${(save!.p95 / baseline!.p95).toFixed(1).padStart(7)}×\n`);
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
