import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { getStoryForEdit, saveStory } from '@/lib/data/stories';
import { assertSameOrigin, errorResponse, readJson, requireSignedIn } from '@/lib/http';
import { saveStorySchema } from '@/lib/validations/story';

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  try {
    const viewer = requireSignedIn(await getViewer());
    return NextResponse.json(await getStoryForEdit(viewer, (await params).id), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

// Autosave and manual save. 409 (with the current story) when the base version is stale.
export async function PUT(request: Request, { params }: Context) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    const input = await readJson(request, saveStorySchema);
    return NextResponse.json(await saveStory(viewer, (await params).id, input));
  } catch (error) {
    return errorResponse(error);
  }
}
