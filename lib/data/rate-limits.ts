import 'server-only';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import { limitKeyOf } from '@/lib/security/client-address';
import { databasePool } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// Every rate limit, kept in PostgreSQL (table rate_limit) by rate-limiter-flexible, so that limits
// hold across restarts and across instances. All limiters share one table (a key prefix each):
// the library prepares its statements by name, and one name must mean one statement. A store that
// does not answer within half a second is not waited for: this instance counts in memory meanwhile
// (the insurance limiter), so a hung database never holds a search or an API request.

const STORE_TIMEOUT_MS = 500;
type Limiter = RLWrapperTimeouts;
const globalForLimits = globalThis as unknown as { limiters?: Map<string, Limiter> };

type Rule = { points: number; seconds: number };

function limiter(name: string, rule: Rule): Limiter {
  const limiters = (globalForLimits.limiters ??= new Map());
  const key = `${name}:${rule.points}/${rule.seconds}`;
  let found = limiters.get(key);
  if (!found) {
    const store = new RateLimiterPostgres({
      // The process's query pool (lib/db.ts): its timeouts are longer, but no limit waits for it
      // beyond STORE_TIMEOUT_MS.
      storeClient: databasePool(),
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true, // the migration creates it
      clearExpiredByTimeout: true,
      keyPrefix: name,
      points: rule.points,
      duration: rule.seconds,
    });
    found = new RLWrapperTimeouts({
      limiter: store,
      timeoutMs: STORE_TIMEOUT_MS,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.seconds }),
    });
    limiters.set(key, found);
  }
  return found;
}

// Sign-in: failures are counted per account *and address* pair, so that one address guessing at an
// account cannot lock it for anyone else, and per address across all accounts.
export const SIGN_IN_RULES = {
  pair: { points: 5, seconds: 15 * 60 },
  address: { points: 50, seconds: 15 * 60 },
  /** Wrong current passwords when changing one's password, per person. */
  passwordCheck: { points: 5, seconds: 15 * 60 },
} as const;

export type PublicLimit = 'search' | 'api' | 'cspReport';

function publicRule(kind: PublicLimit): Rule {
  const config = env();
  if (kind === 'search') return { points: config.MASTHEAD_SEARCH_RATE_LIMIT, seconds: 60 };
  if (kind === 'api') return { points: config.MASTHEAD_API_RATE_LIMIT, seconds: 60 };
  return { points: 30, seconds: 60 };
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one request of a public kind from a client. If the database cannot be asked, the request
 * goes through: a rate limit protects the site, it must not be what takes it down.
 */
export async function takePublicRequest(kind: PublicLimit, client: string): Promise<LimitResult> {
  try {
    await limiter(kind, publicRule(kind)).consume(limitKeyOf(client));
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    log.error({ err: error }, '[rate-limit] check failed; letting the request through');
    return { ok: true };
  }
}

async function exhausted(name: string, rule: Rule, key: string): Promise<boolean> {
  const state = await limiter(name, rule).get(key);
  return state !== null && state.consumedPoints >= rule.points;
}

async function countFailure(name: string, rule: Rule, key: string): Promise<void> {
  await limiter(name, rule)
    .consume(key)
    .catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error; // already over: nothing more to count
    });
}

const pairKey = (email: string, address: string) => `${email}|${limitKeyOf(address)}`;

/** True while this account may not be tried from this address (or this address may not sign in). */
export async function signInLocked(email: string, address: string): Promise<boolean> {
  const [pair, byAddress] = await Promise.all([
    exhausted('signin-pair', SIGN_IN_RULES.pair, pairKey(email, address)),
    exhausted('signin-address', SIGN_IN_RULES.address, limitKeyOf(address)),
  ]);
  return pair || byAddress;
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  await Promise.all([
    countFailure('signin-pair', SIGN_IN_RULES.pair, pairKey(email, address)),
    countFailure('signin-address', SIGN_IN_RULES.address, limitKeyOf(address)),
  ]);
}

export async function clearSignInFailures(email: string, address: string): Promise<void> {
  await limiter('signin-pair', SIGN_IN_RULES.pair).delete(pairKey(email, address));
}

export async function passwordCheckLocked(userId: string): Promise<boolean> {
  return exhausted('password-check', SIGN_IN_RULES.passwordCheck, userId);
}

export async function recordPasswordCheckFailure(userId: string): Promise<void> {
  await countFailure('password-check', SIGN_IN_RULES.passwordCheck, userId);
}
