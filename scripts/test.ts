import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// `npm test`: type-check, lint, unit, integration, then e2e on a production build. Stops at the
// first failing step. Ends with one line that counts every test that ran.

type Step = { name: string; command: string[]; report?: string };

const STEPS: Step[] = [
  { name: 'type-check', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  { name: 'unit', command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'], report: 'test-results/unit.json' },
  {
    name: 'integration',
    command: ['npx', 'vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/integration.json'],
    report: 'test-results/integration.json',
  },
  { name: 'e2e', command: ['npm', 'run', 'test:e2e'], report: 'test-results/e2e.json' },
];

type VitestFile = { status: string; assertionResults: unknown[] };

/**
 * What a step's report says. A test file that failed to load ran no test: it counts as one failure
 * here, so that the closing line never reads as nearly green when whole suites did not run.
 */
function counts(report: string): { passed: number; failed: number; unloaded: number } {
  if (!existsSync(report)) return { passed: 0, failed: 0, unloaded: 0 };
  const data = JSON.parse(readFileSync(report, 'utf8'));
  if ('numPassedTests' in data) {
    const unloaded = (data.testResults as VitestFile[]).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    return { passed: data.numPassedTests, failed: data.numFailedTests + unloaded, unloaded };
  }
  const unloaded = (data.errors ?? []).length; // Playwright: errors outside any test (a spec that does not load)
  return { passed: data.stats.expected + data.stats.flaky, failed: data.stats.unexpected + unloaded, unloaded };
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let unloaded = 0;
const closing = () => `${passed} passed, ${Math.max(failed, 1)} failed${unloaded ? ` (${unloaded} test file${unloaded === 1 ? '' : 's'} did not load)` : ''}`;
for (const step of STEPS) {
  console.log(`\n━━ ${step.name} ━━`);
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit' });
  let stepFailed = 0;
  if (step.report) {
    const c = counts(step.report);
    passed += c.passed;
    failed += c.failed;
    unloaded += c.unloaded;
    stepFailed = c.failed;
  }
  // The report counts too: a runner that exits 0 despite failures must not pass the suite.
  if (result.status !== 0 || stepFailed > 0) {
    console.error(`\n✗ ${step.name} failed; later steps did not run.`);
    console.log(closing());
    process.exit(1);
  }
}
console.log(`\n✓ type-check, lint, unit, integration and e2e all passed.`);
console.log(`${passed} passed, ${failed} failed`);
