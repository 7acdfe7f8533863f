import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { createStory } from '@/lib/data/stories';
import { assertSameOrigin, errorResponse, readJson, requireSignedIn } from '@/lib/http';
import { newStorySchema } from '@/lib/validations/story';

// Creates a draft from the editor's first save: 201, or 200 with the same story when that first
// save is sent again with the same clientId (its answer was lost).
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    const { clientId, format, ...fields } = await readJson(request, newStorySchema);
    const { created, ...story } = await createStory(viewer, fields, clientId, format);
    return NextResponse.json(story, { status: created ? 201 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
