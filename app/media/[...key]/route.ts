import { mediaStorage } from '@/lib/media/storage';
import { KEY_PATTERN } from '@/lib/media/store';

type Context = { params: Promise<{ key: string[] }> };

// Renditions never change once written (a new upload gets a new id), so they can be cached forever.
// Streamed from the store (disk or bucket) as they arrive: no file is held whole in memory.
export async function GET(_request: Request, { params }: Context) {
  const key = (await params).key.join('/');
  const file = KEY_PATTERN.test(key) ? await mediaStorage().open(key) : null;
  if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(file.body, {
    headers: {
      // Every key names a WebP rendition (KEY_PATTERN), whatever type a bucket's object claims.
      'content-type': 'image/webp',
      'content-length': String(file.size),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
