import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { discussionFingerprint } from '@/lib/data/comments';
import { heartbeat } from '@/lib/data/presence';
import { assertSameOrigin, errorResponse, requireSignedIn } from '@/lib/http';

type Context = { params: Promise<{ id: string }> };

// The editor's heartbeat: "I have this story open; who else does, and has the discussion moved?"
export async function POST(request: Request, { params }: Context) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    const { id } = await params;
    const others = await heartbeat(viewer, id);
    return NextResponse.json({ others, discussion: await discussionFingerprint(viewer, id) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
