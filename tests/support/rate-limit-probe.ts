import { takePublicRequest } from '@/lib/data/rate-limits';

// A second process for tests/integration/rate-limits.test.ts: asks the search limit for one client
// a few times against whatever DATABASE_URL names, and prints each answer and how long it took.

async function main() {
  const times = Number(process.argv[2] ?? 3);
  const answers: { ok: boolean; ms: number }[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const result = await takePublicRequest('search', '2001:db8:7:7::1');
    answers.push({ ok: result.ok, ms: Math.round(performance.now() - start) });
  }
  console.log(JSON.stringify(answers));
  process.exit(0);
}

void main();
