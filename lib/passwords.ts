import { hash, verify } from '@node-rs/argon2';
import { withHashSlot } from './security/hash-gate';

// argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes, 1 lane). Every hash goes
// through the hash gate, so a burst of sign-ins cannot run more of them at once than we allow.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// How many hashes this process has computed: lets tests prove what a request cost.
let computed = 0;
export const hashesComputed = () => computed;

async function rawVerify(passwordHash: string, password: string): Promise<boolean> {
  computed++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash when the account is unknown keeps the response time the same
// as for a real account, so timing does not reveal which emails exist.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hash('decoy-password-for-timing', OPTIONS));

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => {
    computed++;
    return hash(password, OPTIONS);
  });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withHashSlot(() => rawVerify(passwordHash, password));
}

/**
 * Checks a password against a hash (or, for an unknown account, against a decoy so the time is the
 * same), but first asks `proceed` once a hash slot is free: a check that is no longer wanted (the
 * account got locked while this one waited) is answered 'refused' without hashing. A wrong
 * password is reported through `onWrong` before the slot is given up, so the next guess in line
 * already sees it counted.
 */
export function verifyPasswordIfStillAllowed(
  passwordHash: string | null,
  password: string,
  hooks: { proceed: () => Promise<boolean>; onWrong: () => Promise<void> },
): Promise<boolean | 'refused'> {
  return withHashSlot(async () => {
    if (!(await hooks.proceed())) return 'refused';
    const ok = passwordHash === null ? (await rawVerify(await decoyHash(), password), false) : await rawVerify(passwordHash, password);
    if (!ok) await hooks.onWrong();
    return ok;
  });
}
