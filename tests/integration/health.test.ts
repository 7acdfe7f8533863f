import { describe, expect, it } from 'vitest';
import { checkReadiness } from '@/lib/data/health';
import { stopBoss } from '@/lib/jobs/boss';

describe('readiness', () => {
  it('is ready when the database and the job queue answer', async () => {
    try {
      expect(await checkReadiness()).toEqual({ ready: true, database: 'ok', queue: 'ok' });
    } finally {
      await stopBoss();
    }
  });
});
