import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { waitForWireChange } from '@/lib/data/wire-desk';
import { errorResponse, requireSignedIn } from '@/lib/http';

// GET /api/desk/wires/changes?since=<stamp>: answers with the desk's stamp as soon as it differs
// from `since` (a new item, a newer version, a release, an expiry), or after 20 s with the same.

const WAIT_MS = 20_000;

export async function GET(request: Request) {
  try {
    const viewer = requireSignedIn(await getViewer());
    const since = new URL(request.url).searchParams.get('since') ?? '';
    const stamp = await waitForWireChange(viewer, since.slice(0, 200), WAIT_MS, request.signal);
    return NextResponse.json({ stamp }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
