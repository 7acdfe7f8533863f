import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';

// Reads one file from a multipart/form-data request as it streams in, with a hard size limit that
// holds whether or not the client declared a length (chunked uploads declare none). At most the
// limit plus one chunk is ever held in memory; past it the request is refused and the rest of the
// body is not read.

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export type Upload = { name: string; data: Buffer };

export async function readUpload(request: Request, maxBytes: number, field = 'file'): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw new UploadError(415, `Send the image as multipart/form-data with the field "${field}".`);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes + 64 * 1024) throw new UploadError(413, tooLarge(maxBytes));
  if (!request.body) throw new UploadError(400, `Send the image as multipart/form-data with the field "${field}".`);

  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': type }, limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 1024, parts: 6 } });
  } catch {
    throw new UploadError(400, 'The upload is not valid multipart/form-data.');
  }
  const source = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);

  return new Promise<Upload>((resolve, reject) => {
    let settled = false;
    let file: { name: string; chunks: Buffer[] } | null = null;
    const finish = (error: UploadError | null, upload?: Upload) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      if (error) {
        source.destroy(); // stop reading the rest of an oversized or broken body
        reject(error);
      } else resolve(upload!);
    };
    parser.on('file', (name, stream, info) => {
      if (name !== field || file) {
        stream.resume();
        return;
      }
      const current = { name: info.filename || 'image', chunks: [] as Buffer[] };
      file = current;
      stream.on('data', (chunk: Buffer) => current.chunks.push(chunk));
      stream.on('limit', () => finish(new UploadError(413, tooLarge(maxBytes))));
    });
    parser.on('close', () => {
      if (!file) return finish(new UploadError(400, `Send the image as multipart/form-data with the field "${field}".`));
      finish(null, { name: file.name, data: Buffer.concat(file.chunks) });
    });
    parser.on('error', () => finish(new UploadError(400, 'The upload is not valid multipart/form-data.')));
    source.on('error', () => finish(new UploadError(400, 'The upload was cut off.')));
    source.pipe(parser);
  });
}

function tooLarge(maxBytes: number): string {
  return `The file is too large; the limit is ${Math.round(maxBytes / 1048576)} MB.`;
}
