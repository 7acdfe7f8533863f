import pg from 'pg';
import { inject } from 'vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT } from '@/lib/data/login-throttle';
import { verifySignIn } from '@/lib/data/sign-in';
import { hashPassword } from '@/lib/passwords';
import { makeUser } from './helpers';

const PASSWORD = 'the right password';
let hash: string;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
});

describe('verifySignIn', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toEqual({ id: user.id });
    expect(await verifySignIn(user.email, 'wrong', freshIp())).toBeNull();
    expect(await verifySignIn('nobody@test.example', PASSWORD, freshIp())).toBeNull();
  });

  it('refuses a deactivated account even with the right password', async () => {
    const user = await makeUser('EDITOR', { passwordHash: hash, active: false });
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toBeNull();
  });

  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} wrong passwords, from any address`, async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) expect(await verifySignIn(user.email, `wrong ${i}`, freshIp())).toBeNull();
    // Five failures: the right password still works, and resets the count.
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toEqual({ id: user.id });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect(await verifySignIn(user.email, `wrong ${i}`, freshIp())).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toBeNull();
  });

  it('keeps the lock in PostgreSQL, where a new connection (a restarted app) still sees it', async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await verifySignIn(user.email, 'wrong', freshIp());
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const { rows } = await client.query('SELECT failures, "lockedUntil" > now() AT TIME ZONE \'UTC\' AS locked FROM "LoginThrottle" WHERE key = $1', [`account:${user.email}`]);
    await client.end();
    expect(rows).toEqual([{ failures: ACCOUNT_FAILURE_LIMIT, locked: true }]);
  });

  it('locks an address that fails across many accounts', async () => {
    const ip = freshIp();
    const user = await makeUser('REPORTER', { passwordHash: hash });
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) await verifySignIn(`guess-${i}@test.example`, 'wrong', ip);
    expect(await verifySignIn(user.email, PASSWORD, ip)).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toEqual({ id: user.id });
  });

  it('counts failures atomically under concurrency', async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    await Promise.all(Array.from({ length: 4 }, () => verifySignIn(user.email, 'wrong', freshIp())));
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } });
    expect(row.failures).toBe(4);
  });
});
