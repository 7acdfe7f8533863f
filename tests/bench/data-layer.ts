// The bench calls the data layer from its own process (as another instance or the worker would),
// on the database of a server it started. The layer reads DATABASE_URL when it first loads, so it
// is set before `work` imports anything; afterwards the queue client and the pool are closed, so
// that nothing outlives the run, and DATABASE_URL is put back.
export async function withDataLayer<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return await work();
  } finally {
    const { stopBoss } = await import('@/lib/jobs/boss');
    const { db } = await import('@/lib/db');
    await stopBoss();
    await db.$disconnect();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
