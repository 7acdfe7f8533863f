import pg from 'pg';
import { inject } from 'vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_RULES } from '@/lib/data/rate-limits';
import { verifySignIn } from '@/lib/data/sign-in';
import { hashPassword, hashesComputed } from '@/lib/passwords';
import { MAX_CONCURRENT_HASHES, hashGateStats } from '@/lib/security/hash-gate';
import { makeUser } from './helpers';

const PASSWORD = 'the right password';
const PAIR_LIMIT = SIGN_IN_RULES.pair.points;
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

  it(`stops an address after ${PAIR_LIMIT} wrong passwords for an account; a success before that resets the count`, async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    const ip = freshIp();
    for (let i = 0; i < PAIR_LIMIT - 1; i++) expect(await verifySignIn(user.email, `wrong ${i}`, ip)).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, ip)).toEqual({ id: user.id });
    for (let i = 0; i < PAIR_LIMIT; i++) expect(await verifySignIn(user.email, `wrong ${i}`, ip)).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, ip)).toBeNull();
  });

  it('20 wrong passwords from one address do not stop the right password from another', async () => {
    const user = await makeUser('EDITOR', { passwordHash: hash });
    const attacker = freshIp();
    for (let i = 0; i < 20; i++) expect(await verifySignIn(user.email, `guess ${i}`, attacker)).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, attacker)).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toEqual({ id: user.id });
  });

  it('checks the lock before hashing: refused attempts cost no hash', async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    const ip = freshIp();
    for (let i = 0; i < PAIR_LIMIT; i++) await verifySignIn(user.email, 'wrong', ip);
    const before = hashesComputed();
    for (let i = 0; i < 10; i++) expect(await verifySignIn(user.email, i === 9 ? PASSWORD : 'wrong', ip)).toBeNull();
    expect(hashesComputed()).toBe(before);
  });

  it('parallel guesses queue at the hash gate: never more than its limit at once, and those left waiting past the lock are not hashed', async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    const ip = freshIp();
    const before = hashesComputed();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifySignIn(user.email, `parallel ${i}`, ip)));
    expect(results.every((r) => r === null)).toBe(true);
    const hashed = hashesComputed() - before;
    expect(hashGateStats().peak).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
    // The limit plus, at most, the guesses that were already hashing when it was reached.
    expect(hashed).toBeLessThanOrEqual(PAIR_LIMIT + MAX_CONCURRENT_HASHES);
    expect(hashed).toBeGreaterThanOrEqual(PAIR_LIMIT);
  });

  it('keeps the counts in PostgreSQL, where a new connection (a restarted app) still sees them', async () => {
    const user = await makeUser('REPORTER', { passwordHash: hash });
    const ip = freshIp();
    for (let i = 0; i < PAIR_LIMIT; i++) await verifySignIn(user.email, 'wrong', ip);
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const { rows } = await client.query('SELECT points, expire > $2 AS live FROM rate_limit WHERE key = $1', [`signin-pair:${user.email}|${ip}`, Date.now()]);
    await client.end();
    expect(rows).toEqual([{ points: PAIR_LIMIT, live: true }]);
  });

  it('stops an address that fails across many accounts, and only that address', async () => {
    const ip = freshIp();
    const user = await makeUser('REPORTER', { passwordHash: hash });
    for (let i = 0; i < SIGN_IN_RULES.address.points; i++) await verifySignIn(`guess-${i}@test.example`, 'wrong', ip);
    expect(await verifySignIn(user.email, PASSWORD, ip)).toBeNull();
    expect(await verifySignIn(user.email, PASSWORD, freshIp())).toEqual({ id: user.id });
  });
});
