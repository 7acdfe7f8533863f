import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { heartbeat } from '@/lib/data/presence';
import { assertSameOrigin, errorResponse, requireSignedIn } from '@/lib/http';

type Context = { params: Promise<{ id: string }> };

// The editor's heartbeat: "I have this story open; who else does?"
export async function POST(request: Request, { params }: Context) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    return NextResponse.json({ others: await heartbeat(viewer, (await params).id) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
