import sharp, { type Metadata } from 'sharp';

// libvips' operation cache would keep decoded images around after a request; uploads are one-offs.
sharp.cache(false);

// Turns an upload into web renditions. The type is read from the file's content, never its name.
// Output is re-encoded, which drops EXIF, XMP and ICC data (GPS in a photo can expose a source);
// rotate() first applies the camera's orientation so that nothing looks sideways once it is gone.

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
// 64 megapixels covers every current camera (61 MP is the largest common sensor); a decoded image
// of that size is about 256 MB, and only one is decoded at a time (renditions run in turn).
export const MAX_PIXELS = 64_000_000;
const WIDTHS = [480, 960, 1600, 2400];

export class UnsupportedImageError extends Error {}

export type Rendition = { width: number; height: number; key: string; src: string; bytes: number };
export type ProcessedImage = { format: string; width: number; height: number; renditions: (Rendition & { data: Buffer })[] };

const ACCEPTED: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' };

const SVG_REFUSED = 'SVG files are not accepted: they can carry scripts. Export a PNG instead.';

async function detectFormat(data: Buffer): Promise<{ format: string; width: number; height: number }> {
  // An SVG the image library cannot render is still an SVG; say so rather than "unreadable".
  if (/<svg[\s>]/i.test(data.subarray(0, 4096).toString('utf8'))) throw new UnsupportedImageError(SVG_REFUSED);
  let meta: Metadata;
  try {
    // Reads the header only; the size is checked below before anything is decoded.
    meta = await sharp(data).metadata();
  } catch {
    throw new UnsupportedImageError('This file is not an image we can read. Upload a JPEG, PNG, WebP or AVIF file.');
  }
  if (meta.width && meta.height && meta.width * meta.height > MAX_PIXELS) {
    const mp = Math.round((meta.width * meta.height) / 1e6);
    throw new UnsupportedImageError(`The image is ${meta.width} × ${meta.height} pixels (${mp} megapixels); the limit is ${MAX_PIXELS / 1e6} megapixels. Scale it down and upload it again.`);
  }
  // libvips reports AVIF as HEIF with AV1 compression; HEIC (HEVC) is a different, unsupported codec.
  const format = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : meta.format;
  if (format === 'svg') throw new UnsupportedImageError(SVG_REFUSED);
  if (!format || !(format in ACCEPTED) || !meta.width || !meta.height) {
    throw new UnsupportedImageError(`${String(format ?? 'This').toUpperCase()} images are not accepted. Upload a JPEG, PNG, WebP or AVIF file.`);
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  return { format, width: rotated ? meta.height : meta.width, height: rotated ? meta.width : meta.height };
}

export async function processImage(id: string, data: Buffer): Promise<ProcessedImage> {
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw new UnsupportedImageError(`The file is too large (${Math.round(data.byteLength / 1048576)} MB); the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`);
  }
  const { format, width, height } = await detectFormat(data);
  const widths = [...WIDTHS.filter((w) => w < width), Math.min(width, WIDTHS.at(-1)!)];
  const renditions: ProcessedImage['renditions'] = [];
  // One rendition at a time: each decodes the original, and four at once would hold four copies.
  for (const w of new Set(widths)) {
    const out = await sharp(data, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const key = `${id}/${w}.webp`;
    renditions.push({ width: out.info.width, height: out.info.height, key, src: `/media/${key}`, bytes: out.info.size, data: out.data });
  }
  return { format, width, height, renditions };
}
