import { randomBytes } from 'node:crypto';
import { startAppServer } from '../../scripts/lib/app-server';
import { E2E_PORT } from '../../playwright.config';
import { EMBED_PROVIDERS_FILE, startEmbedProvider } from './support/embed-provider';
import { FRONT_URL } from './support/front';

// The production build, served by `next start` on a fresh database seeded with the demo newsroom.
export default async function globalSetup() {
  // One purge secret for the server and the front the front spec starts (both read it from here).
  process.env.MASTHEAD_PURGE_SECRET ??= randomBytes(24).toString('base64url');
  // One signing secret too: specs that start a second instance sign in to it with the same cookies.
  process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString('base64url');
  // The oEmbed provider the embeds spec uses, named in the server's providers list.
  const stopProvider = await startEmbedProvider();
  const app = await startAppServer({
    port: E2E_PORT,
    pgPort: 55434,
    name: 'e2e',
    logFile: 'test-results/next-server.log',
    // The front spec starts and stops this front itself; purges wait for it as they would in production.
    env: { MASTHEAD_FRONT_URLS: FRONT_URL, MASTHEAD_EMBED_PROVIDERS: EMBED_PROVIDERS_FILE, AUTH_SECRET: process.env.E2E_AUTH_SECRET },
  });
  // Tests read and arrange data directly through this URL (fixtures), never through the app's client.
  process.env.E2E_DATABASE_URL = app.databaseUrl;
  return async () => {
    await app.stop();
    await stopProvider();
  };
}
