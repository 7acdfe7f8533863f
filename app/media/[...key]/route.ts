import { KEY_PATTERN, mediaStorage } from '@/lib/media/storage';

type Context = { params: Promise<{ key: string[] }> };

// Renditions never change once written (a new upload gets a new id), so they can be cached forever.
export async function GET(_request: Request, { params }: Context) {
  const key = (await params).key.join('/');
  const data = KEY_PATTERN.test(key) ? await mediaStorage().get(key) : null;
  if (!data) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(new Uint8Array(data), {
    headers: {
      'content-type': 'image/webp',
      'content-length': String(data.byteLength),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
