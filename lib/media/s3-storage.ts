import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertKey, assertPrefix, KEY_PATTERN, type MediaStorage, type StoredFile } from './store';

// The SDK is pinned (package.json) at a version that runs on Node 20, which Masthead supports; it
// warns on every start that later versions will need Node 22. Said once, in README, instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export type S3Options = {
  bucket: string;
  /** An S3-compatible server's address (MinIO, Ceph, R2…); unset: AWS. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's usual sources (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket/key on the endpoint's host, as most self-hosted servers want, rather than bucket.host/key. */
  pathStyle: boolean;
};

/**
 * Media as objects in one bucket, under the same keys as on disk ("<media id>/<width>.webp"), so
 * that every instance of the newsroom reads what any of them stored.
 */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client;
  readonly bucket: string;

  constructor(options: S3Options) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.pathStyle,
      credentials: options.credentials,
      // Checksums only where S3 demands them: several S3-compatible servers refuse the newer
      // default (CRC32 trailers) and objects are written whole, with their length, anyway.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertKey(key);
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.byteLength }));
  }

  async get(key: string): Promise<Buffer | null> {
    const file = await this.open(key);
    if (!file) return null;
    return Buffer.from(await new Response(file.body).arrayBuffer());
  }

  async open(key: string): Promise<StoredFile | null> {
    assertKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!answer.Body) return null;
      return { body: answer.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async remove(prefix: string): Promise<void> {
    assertPrefix(prefix);
    const keys: string[] = [];
    for await (const key of this.list(`${prefix}/`)) keys.push(key);
    // DeleteObjects takes up to 1,000 keys; an upload has a handful of renditions.
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    }
  }

  async *keys(): AsyncIterable<string> {
    for await (const key of this.list('')) if (KEY_PATTERN.test(key)) yield key;
  }

  /** Whether an object is there with this many bytes (a copy that need not be made again). */
  async has(key: string, size: number): Promise<boolean> {
    assertKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength === size;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private async *list(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  return error instanceof S3ServiceException && (error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
}
