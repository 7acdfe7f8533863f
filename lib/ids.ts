// Ids of the shape Prisma's cuid() makes: "c" and 24 random base-36 characters. Made by the editor
// for a new story (so a first save sent again finds the story it made) and by writes that insert
// rows with plain SQL. crypto.getRandomValues works in browsers and in Node (crypto.randomUUID only
// on https and localhost).

export function newId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  // 252 is the largest multiple of 36 under 256: bytes above it are dropped so every character is equally likely.
  const chars: string[] = [];
  while (chars.length < 24) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) if (byte < 252 && chars.length < 24) chars.push(alphabet[byte % 36]!);
  }
  return `c${chars.join('')}`;
}
