import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { createStory } from '@/lib/data/stories';
import { assertSameOrigin, errorResponse, readJson, requireSignedIn } from '@/lib/http';
import { storyFieldsSchema } from '@/lib/validations/story';

// Creates a draft from the editor's first save.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    const fields = await readJson(request, storyFieldsSchema);
    const story = await createStory(viewer, fields);
    return NextResponse.json(story, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
