import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { listMedia, uploadMedia } from '@/lib/data/media';
import { assertSameOrigin, errorResponse, requireSignedIn } from '@/lib/http';
import { MAX_UPLOAD_BYTES, UnsupportedImageError } from '@/lib/media/process';
import { UploadError, readUpload } from '@/lib/media/upload-stream';

export async function GET() {
  try {
    const viewer = requireSignedIn(await getViewer());
    const media = await listMedia(viewer);
    return NextResponse.json(
      { media: media.map(({ renditions: _r, createdAt: _c, ...item }) => item) },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

// One image per request, as multipart/form-data with the field "file".
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const viewer = requireSignedIn(await getViewer());
    // Streamed with a hard limit: a chunked or lying upload is cut off at the limit, not buffered.
    const file = await readUpload(request, MAX_UPLOAD_BYTES);
    const item = await uploadMedia(viewer, file);
    return NextResponse.json({ media: item }, { status: 201 });
  } catch (error) {
    if (error instanceof UnsupportedImageError) return NextResponse.json({ error: error.message }, { status: 415 });
    if (error instanceof UploadError) return NextResponse.json({ error: error.message }, { status: error.status });
    return errorResponse(error);
  }
}
