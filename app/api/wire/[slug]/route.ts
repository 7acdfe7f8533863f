import { NextResponse } from 'next/server';
import { ingestWire } from '@/lib/data/wire-ingest';
import { sourceForPush } from '@/lib/data/wire-sources';
import { errorResponse, readBoundedBytes } from '@/lib/http';
import { MAX_WIRE_BYTES, WireFormatError, decodeWire } from '@/lib/wire/parse';

// Agencies push here: POST /api/wire/<source-slug> with "Authorization: Bearer <token>" and a
// NewsML-G2 (XML) or ninjs (JSON, one item or an array) body of up to 5 MB. 202 with the items.

type Props = { params: Promise<{ slug: string }> };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => NextResponse.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

export async function POST(request: Request, { params }: Props) {
  try {
    const { slug } = await params;
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    const source = token ? await sourceForPush(slug, token) : null;
    if (!source) return json(401, { error: 'Unknown source or wrong token.' }, { 'www-authenticate': 'Bearer realm="masthead-wire"' });
    const bytes = await readBoundedBytes(request, MAX_WIRE_BYTES);
    if (bytes === null) return json(413, { error: `The body is larger than ${MAX_WIRE_BYTES} bytes (5 MB).` });
    const items = await ingestWire(source, decodeWire(bytes));
    return json(202, { items });
  } catch (error) {
    if (error instanceof WireFormatError) return json(422, { error: error.message });
    return errorResponse(error);
  }
}
