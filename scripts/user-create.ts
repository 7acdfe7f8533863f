import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { EnvError, parseEnv } from '@/lib/env';
import { db } from '@/lib/db';
import { ConflictError } from '@/lib/data/errors';
import { createAccount } from '@/lib/data/users';
import { createUserSchema } from '@/lib/validations/users';
import { openDatabase } from './lib/database';
import { loadProjectEnv } from './lib/load-env';
import { migrateDeploy } from './lib/prisma-cli';

// `npm run user:create -- --email you@example.com --name "Your Name" --role ADMIN`
// Creates an account from the server's shell: how a new installation gets its first admin. The
// password comes from MASTHEAD_PASSWORD (for scripts) or is asked for without echo.

const log = (msg: string) => console.log(`[masthead] ${msg}`);
const USAGE = 'Usage: npm run user:create -- --email you@example.com --name "Your Name" --role ADMIN|EDITOR|REPORTER';

function ask(question: string, hidden: boolean): Promise<string> {
  // Echo is switched off by giving readline an output that drops what it would print.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

async function readPassword(): Promise<string> {
  if (process.env.MASTHEAD_PASSWORD) return process.env.MASTHEAD_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for a password: set MASTHEAD_PASSWORD.');
  const first = await ask('Password (at least 12 characters): ', true);
  const again = await ask('The same password again: ', true);
  if (first !== again) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'ADMIN' } },
    strict: true,
  });
  if (!values.email || !values.name) throw new Error(USAGE);
  loadProjectEnv(process.env.NODE_ENV !== 'production');
  const env = parseEnv();
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({ email: values.email, name: values.name, role: values.role?.toUpperCase(), password });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));

  const database = await openDatabase({ dataDir: env.MASTHEAD_DATA_DIR, pgPort: env.MASTHEAD_PG_PORT, log });
  process.env.DATABASE_URL = database.url;
  try {
    migrateDeploy(database.url, true);
    await createAccount(parsed.data, null);
    log(`${parsed.data.name} <${parsed.data.email}> can now sign in as ${parsed.data.role.toLowerCase()}.`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  const message = error instanceof EnvError || error instanceof ConflictError || error instanceof Error ? error.message : String(error);
  console.error(`[masthead] ${message}`);
  process.exit(1);
});
