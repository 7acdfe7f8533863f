import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { keepVersionAside } from '@/lib/data/stories';
import { assertSameOrigin, errorResponse, readJson, requireSignedIn } from '@/lib/http';
import { keepAsideSchema } from '@/lib/validations/story';

type Context = { params: Promise<{ id: string }> };

// Keeps a version as a revision without changing the story (after a save conflict).
export async function POST(request: Request, { params }: Context) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    const { label, ...fields } = await readJson(request, keepAsideSchema);
    return NextResponse.json(await keepVersionAside(viewer, (await params).id, fields, label), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
