import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Session, percentile } from './http';

// Saves on deadline: many reporters, each in their own story and session, autosaving once a
// second through the desk API (PUT /api/desk/stories/:id, the whole document, about 2 KB), as the
// editor does: a save waits for the one before it, so a slow server gets fewer saves, never
// overlapping ones. Every story's last acknowledged save is read back afterwards. The baseline is
// one reporter saving alone on the same server in the same run.

const SECONDS = 30;
const WARMUP_SECONDS = 5;

type Reporter = { session: Session; userId: string; storyId: string; version: number; fields: Record<string, unknown>; acknowledged?: string };

export type DeadlineRow = { reporters: number; saves: number; perSecond: number; p50: number; p95: number; max: number; errors: number; lost: number; serverCpuMsPerSave: number; machineBusy: number; rowsPerSave: number };

type Doc = { content?: { content?: { text?: string }[] }[] };
const textOf = (doc: Doc) => (doc.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');

/** A paragraph-sized piece of copy that differs per reporter and save, as typing does. */
function bodyOf(reporter: number, save: number) {
  const text = (n: number) =>
    `Reporter ${reporter} files paragraph ${n} at save ${save}: the delegations met again on Thursday to discuss trade, security and the next summit, and officials said talks would continue into the evening.`;
  const content = Array.from({ length: 9 }, (_, n) => ({ type: 'paragraph', content: [{ type: 'text', text: text(n + 1) }] }));
  return { type: 'doc', content };
}

/** The server process and the processes it started. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(processTree)];
}
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}
/** The machine's busy and total jiffies (all cores), from /proc/stat. */
export function machineJiffies(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - n[4]!, total };
}

/** Reporters with their own accounts (same password as the demo reporter), each with a story. */
async function reporters(baseUrl: string, databaseUrl: string, count: number, tag: string): Promise<Reporter[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, slug, "passwordHash", "updatedAt")
       SELECT 'deadline-' || $1 || '-' || i, 'deadline-' || $1 || '-' || i || '@example.com', 'Deadline Reporter ' || i, 'REPORTER', 'deadline-' || $1 || '-' || i, "passwordHash", now()
       FROM "User", generate_series(1, $2::int) AS i WHERE email = 'reporter@example.com'`,
      [tag, count],
    );
  } finally {
    await client.end();
  }
  const made: Reporter[] = [];
  for (let i = 1; i <= count; i++) {
    const session = new Session(baseUrl);
    await session.signIn(`deadline-${tag}-${i}@example.com`, 'masthead-demo');
    const userId = `deadline-${tag}-${i}`;
    const fields = { headline: `Deadline story ${tag} ${i}`, dek: '', slug: '', sectionId: null, tags: ['Deadline'], bylineIds: [userId], creditLine: '', dateline: 'LIMA', seoTitle: '', seoDescription: '', featuredImageId: null, body: bodyOf(i, 0) };
    const response = await session.fetch('/api/desk/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
    if (!response.ok) throw new Error(`creating a story failed: ${response.status} ${await response.text()}`);
    const created = (await response.json()) as { id: string; version: number };
    made.push({ session, userId, storyId: created.id, version: created.version, fields });
  }
  return made;
}

/** Each reporter saves once a second for `seconds`; returns every save's round trip. */
async function saveOnceASecond(all: Reporter[], seconds: number, record: boolean) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    all.map(async (reporter, r) => {
      // Spread the reporters over the second, as people's pauses are.
      await new Promise((resolve) => setTimeout(resolve, (1000 * r) / all.length));
      for (let save = 1; performance.now() < end; save++) {
        const due = performance.now() + 1000;
        const payload = JSON.stringify({ ...reporter.fields, body: bodyOf(r + 1, save), baseVersion: reporter.version, kind: 'autosave' });
        const started = performance.now();
        try {
          const response = await reporter.session.fetch(`/api/desk/stories/${reporter.storyId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: payload });
          const text = await response.text();
          if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
          reporter.version = (JSON.parse(text) as { version: number }).version;
          reporter.acknowledged = textOf(bodyOf(r + 1, save));
          if (record) latencies.push(performance.now() - started);
        } catch (error) {
          if (record) errors += 1;
          if (errors <= 3 && record) console.warn(`  save failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  return { latencies, errors };
}

/** Stories whose stored body is not their last acknowledged save. */
async function lost(all: Reporter[]): Promise<number> {
  let missing = 0;
  for (const reporter of all) {
    const story = (await (await reporter.session.fetch(`/api/desk/stories/${reporter.storyId}`)).json()) as { version: number; body: Doc };
    if (textOf(story.body) !== reporter.acknowledged || story.version !== reporter.version) missing += 1;
  }
  return missing;
}

/** Rows inserted, updated and deleted in the database so far (PostgreSQL's statistics, flushed first). */
async function rowsWritten(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Other sessions report their counts within a second; this waits that out.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { rows } = await client.query<{ n: string }>('SELECT sum(n_tup_ins + n_tup_upd + n_tup_del)::text AS n FROM pg_stat_user_tables');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function measure(all: Reporter[], serverPid: number, databaseUrl: string): Promise<DeadlineRow> {
  await saveOnceASecond(all, WARMUP_SECONDS, false);
  const rowsBefore = await rowsWritten(databaseUrl);
  const cpuBefore = cpuSeconds(serverPid);
  const machineBefore = machineJiffies();
  const started = performance.now();
  const { latencies, errors } = await saveOnceASecond(all, SECONDS, true);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(serverPid) - cpuBefore;
  const machineAfter = machineJiffies();
  const rows = (await rowsWritten(databaseUrl)) - rowsBefore;
  latencies.sort((a, b) => a - b);
  return {
    reporters: all.length,
    saves: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? 0,
    errors,
    lost: await lost(all),
    serverCpuMsPerSave: (cpu * 1000) / Math.max(1, latencies.length),
    machineBusy: (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total),
    rowsPerSave: rows / Math.max(1, latencies.length),
  };
}

export async function benchDeadlineSaves(baseUrl: string, databaseUrl: string, serverPid: number, crowds = (process.env.MASTHEAD_BENCH_CROWDS ?? '1,20,60').split(',').map(Number)): Promise<DeadlineRow[]> {
  const rows: DeadlineRow[] = [];
  for (const count of crowds) rows.push(await measure(await reporters(baseUrl, databaseUrl, count, `c${count}`), serverPid, databaseUrl));
  return rows;
}
