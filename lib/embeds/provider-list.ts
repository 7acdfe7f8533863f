import 'server-only';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';
import { BUILT_IN_PROVIDERS, parseProviders, type Provider } from './providers';

// The providers this server embeds from: the file MASTHEAD_EMBED_PROVIDERS names (read once; a
// bad file stops the resolver with a message naming the problem), else the built-in list.

let loaded: { path: string | undefined; providers: Provider[] } | undefined;

export function configuredProviders(): Provider[] {
  const path = env().MASTHEAD_EMBED_PROVIDERS;
  if (loaded?.path !== path || !loaded) {
    let providers = BUILT_IN_PROVIDERS;
    if (path) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`MASTHEAD_EMBED_PROVIDERS (${path}) could not be read as JSON: ${(error as Error).message}`);
      }
      providers = parseProviders(json);
    }
    loaded = { path, providers };
  }
  return loaded.providers;
}
