// Opaque keyset cursors: the position of the last item shown, never an offset, so pages stay
// stable while stories are published. Malformed cursors are refused with a clear message.

export class BadCursorError extends Error {
  constructor() {
    super('The "cursor" parameter is not one this site gave out.');
  }
}

export type StoryCursor = { at: string; id: string; rank?: number };

export function encodeCursor(cursor: StoryCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | null | undefined): StoryCursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) throw new BadCursorError();
    const { at, id, rank } = value as Record<string, unknown>;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || id.length > 64) throw new BadCursorError();
    if (rank !== undefined && (typeof rank !== 'number' || !Number.isFinite(rank))) throw new BadCursorError();
    return { at, id, ...(rank !== undefined ? { rank } : {}) };
  } catch {
    throw new BadCursorError();
  }
}
