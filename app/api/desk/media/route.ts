import { NextResponse } from 'next/server';
import { getViewer } from '@/lib/auth';
import { listMedia, uploadMedia } from '@/lib/data/media';
import { HttpError, assertSameOrigin, errorResponse, requireSignedIn } from '@/lib/http';
import { MAX_UPLOAD_BYTES, UnsupportedImageError } from '@/lib/media/process';

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
    if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
      throw new HttpError(413, `The file is too large; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`);
    }
    const form = await request.formData().catch(() => {
      throw new HttpError(400, 'Send the image as multipart/form-data with the field "file".');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new HttpError(400, 'Send the image as multipart/form-data with the field "file".');
    const item = await uploadMedia(viewer, { name: file.name, data: Buffer.from(await file.arrayBuffer()) });
    return NextResponse.json({ media: item }, { status: 201 });
  } catch (error) {
    if (error instanceof UnsupportedImageError) return NextResponse.json({ error: error.message }, { status: 415 });
    return errorResponse(error);
  }
}
