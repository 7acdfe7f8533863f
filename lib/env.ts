import { z } from 'zod';

// Every environment variable Masthead reads, in one place. README documents each of them.
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .refine(isPostgresUrl, 'DATABASE_URL must be a postgres:// or postgresql:// URL with a host and a database name')
      .optional(),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters long').optional(),
    AUTH_URL: z.url('AUTH_URL must be an absolute URL such as https://newsroom.example.com').optional(),
    // The public site's address, for canonical URLs, feeds, sitemaps and JSON-LD.
    MASTHEAD_SITE_URL: z.url('MASTHEAD_SITE_URL must be an absolute URL such as https://news.example.com').optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    MASTHEAD_DATA_DIR: z.string().min(1).default('.data'),
    MASTHEAD_MEDIA_DIR: z.string().min(1).optional(),
    // Media on an S3-compatible bucket instead of the disk, so that several machines share them
    // (lib/media/s3-storage.ts). Endpoint and keys unset: AWS's own, from the SDK's usual sources.
    MASTHEAD_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'MASTHEAD_S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots or hyphens').optional(),
    MASTHEAD_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'MASTHEAD_S3_ENDPOINT must be an absolute URL such as http://127.0.0.1:9000' }).optional(),
    MASTHEAD_S3_REGION: z.string().min(1).default('us-east-1'),
    MASTHEAD_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    MASTHEAD_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    // Addresses as bucket/key on the endpoint's host (MinIO and most self-hosted servers) rather
    // than bucket.host/key; the default when an endpoint is named.
    MASTHEAD_S3_PATH_STYLE: z.enum(['0', '1'], { error: 'MASTHEAD_S3_PATH_STYLE must be 0 or 1' }).optional(),
    // Where readers' browsers fetch renditions when the bucket (or a CDN before it) is public;
    // unset: through Masthead's own /media/ route, with the same cache headers.
    MASTHEAD_MEDIA_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'MASTHEAD_MEDIA_PUBLIC_URL must be an absolute URL such as https://media.example.com' }).optional(),
    // A JSON file in oEmbed providers.json format that replaces the built-in embed providers.
    MASTHEAD_EMBED_PROVIDERS: z.string().min(1).optional(),
    // Wire copy: the folder whose <source-slug>/ subfolders are ingested, and the feed hosts
    // (host:port, comma-separated) that may be on a private network, as an agency's gateway can be.
    MASTHEAD_WIRE_DIR: z.string().min(1).optional(),
    MASTHEAD_WIRE_FEED_HOSTS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)),
    // Writing together (lib/collab): story bodies edited in a shared document over a WebSocket.
    // "off" keeps every editor on version-checked autosave.
    MASTHEAD_COLLABORATION: z.enum(['on', 'off'], { error: 'MASTHEAD_COLLABORATION is "on" or "off".' }).default('on'),
    MASTHEAD_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    // How many proxies in front of Masthead append to X-Forwarded-For (0: the socket peer is the client).
    MASTHEAD_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    // Requests per minute per client address.
    MASTHEAD_SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
    MASTHEAD_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
    // Cache fronts to purge when public pages change (comma-separated), e.g. http://127.0.0.1:8080.
    MASTHEAD_FRONT_URLS: z
      .string()
      .transform((value) => value.split(',').map((u) => u.trim()).filter(Boolean))
      .pipe(z.array(z.url('MASTHEAD_FRONT_URLS must be comma-separated absolute URLs such as http://127.0.0.1:8080')))
      .default([]),
    // The secret a PURGE carries to the cache front; unset: one kept in the data directory.
    MASTHEAD_PURGE_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{24,200}$/, 'MASTHEAD_PURGE_SECRET must be 24 to 200 letters, digits, "-" or "_" (openssl rand -hex 24)')
      .optional(),
    // `npm start` seeds the demo newsroom (with its published passwords) only when this is 1.
    MASTHEAD_DEMO: z.enum(['0', '1'], { error: 'MASTHEAD_DEMO must be 0 or 1' }).default('0'),
    NEWSROOM_TIMEZONE: z
      .string()
      .refine(isTimeZone, 'NEWSROOM_TIMEZONE must be an IANA time zone such as Europe/London')
      .default('UTC'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'AUTH_SECRET is required in production; generate one with `openssl rand -base64 32`',
      });
    }
    if ((env.MASTHEAD_S3_ACCESS_KEY_ID === undefined) !== (env.MASTHEAD_S3_SECRET_ACCESS_KEY === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['MASTHEAD_S3_ACCESS_KEY_ID'], message: 'MASTHEAD_S3_ACCESS_KEY_ID and MASTHEAD_S3_SECRET_ACCESS_KEY are set together or not at all' });
    }
    // Links in feeds, sitemaps, emails and reset links must name the real site, never localhost.
    if (env.NODE_ENV === 'production' && !env.MASTHEAD_SITE_URL && !env.AUTH_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MASTHEAD_SITE_URL'],
        message: 'MASTHEAD_SITE_URL is required in production: the public address of the site, such as https://news.example.com',
      });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Empty strings count as unset: `FOO= npm start` should not fail as "malformed".
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
}

/** Parses the environment, throwing an EnvError whose message is one readable sentence per problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => issue.message);
    throw new EnvError(`Masthead cannot start: ${lines.join('; ')}.`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
