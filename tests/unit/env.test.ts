import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

const SECRET = 'a'.repeat(32);

describe('environment validation', () => {
  it('accepts a complete production environment and applies defaults', () => {
    const env = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: SECRET, MASTHEAD_SITE_URL: 'https://news.example.com', DATABASE_URL: 'postgresql://u:p@db.example.com:5432/masthead' });
    expect(env.PORT).toBe(3000);
    expect(env.MASTHEAD_TRUSTED_PROXIES).toBe(0);
    expect(env.MASTHEAD_SEARCH_RATE_LIMIT).toBe(60);
    expect(env.MASTHEAD_API_RATE_LIMIT).toBe(300);
    expect(env.MASTHEAD_DEMO).toBe('0');
    expect(env.NEWSROOM_TIMEZONE).toBe('UTC');
    expect(env.MASTHEAD_DATA_DIR).toBe('.data');
  });

  it('stops production without AUTH_SECRET with one clear sentence', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_URL: 'https://newsroom.example.com' })).toThrowError(
      new EnvError('Masthead cannot start: AUTH_SECRET is required in production; generate one with `openssl rand -base64 32`.'),
    );
  });

  it('stops production without the public site address instead of publishing localhost links', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: SECRET })).toThrowError(
      /MASTHEAD_SITE_URL is required in production: the public address of the site/,
    );
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: SECRET, AUTH_URL: 'https://newsroom.example.com' }).AUTH_URL).toBe('https://newsroom.example.com');
  });

  it('refuses a trusted-proxy count or rate limit that is not a small whole number', () => {
    expect(() => parseEnv({ MASTHEAD_TRUSTED_PROXIES: '-1' })).toThrow(EnvError);
    expect(() => parseEnv({ MASTHEAD_SEARCH_RATE_LIMIT: 'lots' })).toThrow(EnvError);
    expect(() => parseEnv({ MASTHEAD_DEMO: 'yes' })).toThrow(/MASTHEAD_DEMO must be 0 or 1/);
  });

  it('refuses a purge secret that is short or not plain letters and digits', () => {
    expect(() => parseEnv({ MASTHEAD_PURGE_SECRET: 'short' })).toThrow(/MASTHEAD_PURGE_SECRET must be 24 to 200/);
    expect(() => parseEnv({ MASTHEAD_PURGE_SECRET: 'has spaces and "quotes" that a VCL string cannot hold' })).toThrow(/MASTHEAD_PURGE_SECRET/);
    expect(parseEnv({ MASTHEAD_PURGE_SECRET: 'a'.repeat(32) }).MASTHEAD_PURGE_SECRET).toBe('a'.repeat(32));
  });

  it('takes a media bucket with its endpoint and both keys, and refuses a bad name, a bad endpoint or half a key pair', () => {
    const bucket = parseEnv({ MASTHEAD_S3_BUCKET: 'newsroom-media', MASTHEAD_S3_ENDPOINT: 'http://127.0.0.1:9000', MASTHEAD_S3_ACCESS_KEY_ID: 'id', MASTHEAD_S3_SECRET_ACCESS_KEY: 'secret' });
    expect(bucket).toMatchObject({ MASTHEAD_S3_BUCKET: 'newsroom-media', MASTHEAD_S3_REGION: 'us-east-1' });
    expect(() => parseEnv({ MASTHEAD_S3_BUCKET: 'Bad_Bucket' })).toThrow(/MASTHEAD_S3_BUCKET must be a bucket name/);
    expect(() => parseEnv({ MASTHEAD_S3_ENDPOINT: 'minio:9000' })).toThrow(/MASTHEAD_S3_ENDPOINT must be an absolute URL/);
    expect(() => parseEnv({ MASTHEAD_S3_BUCKET: 'newsroom-media', MASTHEAD_S3_ACCESS_KEY_ID: 'id' })).toThrow(/set together or not at all/);
    expect(() => parseEnv({ MASTHEAD_S3_PATH_STYLE: 'yes' })).toThrow(/MASTHEAD_S3_PATH_STYLE must be 0 or 1/);
  });

  it('lets development run without AUTH_SECRET (the dev script generates one)', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).AUTH_SECRET).toBeUndefined();
  });

  it.each(['mysql://u:p@host/db', 'not a url', 'postgresql://host-without-db', 'postgres:///nohost'])(
    'refuses the malformed DATABASE_URL %s',
    (url) => {
      expect(() => parseEnv({ NODE_ENV: 'development', DATABASE_URL: url })).toThrow(
        /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
      );
    },
  );

  it('refuses a short secret, a bad port and an unknown time zone, naming each', () => {
    expect(() => parseEnv({ NODE_ENV: 'development', AUTH_SECRET: 'short', PORT: 'eighty', NEWSROOM_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /AUTH_SECRET must be at least 32 characters.*;.*;.*NEWSROOM_TIMEZONE must be an IANA time zone/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
