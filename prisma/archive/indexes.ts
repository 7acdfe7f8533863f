import type pg from 'pg';

// The story search index (GIN over each story's words stamped with its months) costs more to keep
// up while a load adds rows than to build once afterwards: a GIN index takes each new row's few
// hundred words as separate insertions, where a build sorts all of them at once (60 to 80 s at a
// million stories). So a load that at least doubles the stories drops the search indexes first and
// builds them again from their own definitions when it ends, whether or not it succeeded; a
// smaller one keeps them (a build reads every story).

type Dropped = { name: string; definition: string };

export async function withoutSearchIndexes<T>(client: pg.Client, adding: number, log: (message: string) => void, load: () => Promise<T>): Promise<T> {
  const [table] = (await client.query<{ stories: number }>(`SELECT greatest(reltuples, 0)::float8 AS stories FROM pg_class WHERE oid = '"Story"'::regclass`)).rows;
  if (adding < (table?.stories ?? 0)) return load();
  const dropped = (
    await client.query<Dropped>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = 'Story' AND i.indexdef LIKE '% USING gin %' ORDER BY i.indexname`,
    )
  ).rows;
  for (const index of dropped) await client.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  try {
    return await load();
  } finally {
    if (dropped.length > 0) log(`Building the search indexes again (${dropped.map((i) => i.name).join(', ')})…`);
    const building = Date.now();
    await client.query(`SET maintenance_work_mem = '1GB'`);
    const failed: string[] = [];
    for (const index of dropped) {
      await client.query(index.definition).catch((error: unknown) => {
        log(`Could not build ${index.name} again (${String(error)}): run ${index.definition};`);
        failed.push(index.name);
      });
    }
    await client.query('RESET maintenance_work_mem');
    if (dropped.length > 0) log(`Search indexes built in ${((Date.now() - building) / 1000).toFixed(0)} s.`);
    if (failed.length > 0) throw new Error(`The search indexes ${failed.join(', ')} are missing: build them again as logged above.`);
  }
}
