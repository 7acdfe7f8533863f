import { EnvError, parseEnv } from '@/lib/env';

/** Stops the server with one clear sentence when the configuration cannot work. */
export function checkStartupEnv(): void {
  try {
    const env = parseEnv();
    if (!env.DATABASE_URL) {
      throw new EnvError('Masthead cannot start: DATABASE_URL is not set; start it with `npm start`, which provides one.');
    }
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
