import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError, findNul, readJson } from '@/lib/http';

const request = (body: string) => new Request('http://localhost/x', { method: 'PUT', headers: { 'content-type': 'application/json' }, body });

describe('NUL characters in JSON bodies', () => {
  it('finds the first one, in values or keys, and names where', () => {
    expect(findNul({ a: 'fine', b: [{ c: 'x' }, { d: 'y\u0000' }] })).toBe('b[1].d');
    expect(findNul({ ['k\u0000']: 1 })).toBe('k');
    expect(findNul('plain\u0000')).toBe('');
    expect(findNul({ a: ['tab\tnewline\n'], n: 1, t: true, z: null })).toBeNull();
  });

  it('are refused with 422 before the schema, wherever they hide (a link title deep in a body)', async () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.example', title: 'bad\u0000' } }] }] }] };
    const error = await readJson(request(JSON.stringify({ body })), z.any()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(422);
    expect((error as HttpError).message).toBe('Text may not contain NUL characters (at body.content[0].content[0].marks[0].attrs.title).');
  });

  it('lets everything else through to the schema', async () => {
    expect(await readJson(request('{"a":"ok\\n"}'), z.object({ a: z.string() }))).toEqual({ a: 'ok\n' });
  });
});
