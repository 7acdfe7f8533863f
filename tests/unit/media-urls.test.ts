import { describe, expect, it } from 'vitest';
import { publicMediaOrigin, publicMediaSrc } from '@/lib/media/urls';

describe('where readers fetch renditions', () => {
  it('through the origin unless a public media address is set', () => {
    expect(publicMediaSrc('/media/abc123def456/640.webp', undefined)).toBe('/media/abc123def456/640.webp');
    expect(publicMediaOrigin(undefined)).toBeNull();
  });

  it('from the public address, with or without a path or a trailing slash, keeping the key', () => {
    expect(publicMediaSrc('/media/abc123def456/640.webp', 'https://media.example.com')).toBe('https://media.example.com/abc123def456/640.webp');
    expect(publicMediaSrc('/media/abc123def456/640.webp', 'http://127.0.0.1:9000/newsroom-media/')).toBe('http://127.0.0.1:9000/newsroom-media/abc123def456/640.webp');
    expect(publicMediaOrigin('http://127.0.0.1:9000/newsroom-media')).toBe('http://127.0.0.1:9000');
  });

  it('leaves any other address alone', () => {
    expect(publicMediaSrc('https://elsewhere.example/x.webp', 'https://media.example.com')).toBe('https://elsewhere.example/x.webp');
    expect(publicMediaSrc('', 'https://media.example.com')).toBe('');
  });
});
