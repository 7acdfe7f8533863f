import { createHash } from 'node:crypto';
import sharp from 'sharp';

// Illustrations for the demo newsroom, drawn at seed time (nothing is fetched): flat, calm shapes
// in a newspaper's palette, one motif per section, varied by the story's slug so that no two match.
// They go through the same pipeline as an upload, so the public site serves them as it would a photo.

export type Motif = 'politics' | 'world' | 'business';

const PALETTES = [
  { sky: ['#1f3a5f', '#3d6a8f'], ink: '#f2e8d5', accent: '#e0a84f' },
  { sky: ['#5b2a3c', '#a0524f'], ink: '#f6e9dc', accent: '#f0c27a' },
  { sky: ['#21433b', '#4f8a74'], ink: '#eef1e6', accent: '#d9b44a' },
  { sky: ['#2d2a4a', '#6b5b95'], ink: '#efe9f4', accent: '#f2a65a' },
  { sky: ['#3b3a36', '#7d7461'], ink: '#f4efe4', accent: '#c8553d' },
];

const W = 1600;
const H = 1000;

function numbers(seed: string): number[] {
  return [...createHash('sha256').update(seed).digest()].map((b) => b / 255);
}

function politics(n: number[], p: (typeof PALETTES)[number]): string {
  // A civic building: steps, columns and a dome, the sun behind.
  const cols = 6 + Math.round(n[3]! * 4);
  const left = 380;
  const width = 840;
  const gap = width / cols;
  const columns = Array.from({ length: cols }, (_, i) => `<rect x="${left + i * gap + gap * 0.3}" y="470" width="${gap * 0.4}" height="300" fill="${p.ink}"/>`).join('');
  return `
    <circle cx="${500 + n[4]! * 600}" cy="${260 + n[5]! * 80}" r="${120 + n[6]! * 60}" fill="${p.accent}" opacity="0.9"/>
    <path d="M${left + 160} 430 A ${width / 2 - 160} 190 0 0 1 ${left + width - 160} 430 Z" fill="${p.ink}" opacity="0.92"/>
    <polygon points="${left - 40},470 ${W / 2},380 ${left + width + 40},470" fill="${p.ink}"/>
    ${columns}
    <rect x="${left - 60}" y="770" width="${width + 120}" height="40" fill="${p.ink}"/>
    <rect x="${left - 120}" y="810" width="${width + 240}" height="40" fill="${p.ink}" opacity="0.85"/>
    <rect x="0" y="850" width="${W}" height="${H - 850}" fill="${p.sky[0]}" opacity="0.6"/>`;
}

function world(n: number[], p: (typeof PALETTES)[number]): string {
  // A globe with meridians and parallels, and the arcs of routes across it.
  const cx = 800;
  const cy = 500;
  const r = 330;
  const meridians = [0.25, 0.55, 0.85].map((k) => `<ellipse cx="${cx}" cy="${cy}" rx="${r * k}" ry="${r}" fill="none" stroke="${p.sky[0]}" stroke-width="6" opacity="0.5"/>`).join('');
  const parallels = [-0.55, 0, 0.55].map((k) => `<ellipse cx="${cx}" cy="${cy + k * r}" rx="${r * Math.sqrt(1 - k * k)}" ry="${24}" fill="none" stroke="${p.sky[0]}" stroke-width="6" opacity="0.5"/>`).join('');
  const routes = [0, 1, 2].map((i) => {
    const x1 = 200 + n[i + 3]! * 300;
    const x2 = 1100 + n[i + 6]! * 300;
    const y = 300 + n[i + 9]! * 400;
    return `<path d="M${x1} ${y} Q ${cx} ${y - 420} ${x2} ${y + 60}" fill="none" stroke="${p.accent}" stroke-width="8" stroke-dasharray="4 22" stroke-linecap="round"/>`;
  });
  return `
    <circle cx="${cx}" cy="${cy}" r="${r}" fill="${p.ink}"/>
    ${meridians}${parallels}
    ${routes.join('')}`;
}

function business(n: number[], p: (typeof PALETTES)[number]): string {
  // A bar chart with a line over it, on a ruled grid.
  const bars = 7;
  const heights = Array.from({ length: bars }, (_, i) => 160 + n[i + 3]! * 420);
  const x = (i: number) => 260 + i * 160;
  const rects = heights.map((h, i) => `<rect x="${x(i)}" y="${820 - h}" width="100" height="${h}" rx="6" fill="${p.ink}" opacity="${0.55 + 0.45 * (i / bars)}"/>`).join('');
  const line = heights.map((h, i) => `${i ? 'L' : 'M'}${x(i) + 50} ${820 - h - 70}`).join(' ');
  const grid = [300, 440, 580, 720].map((y) => `<line x1="200" x2="1400" y1="${y}" y2="${y}" stroke="${p.ink}" stroke-width="2" opacity="0.25"/>`).join('');
  return `${grid}${rects}
    <path d="${line}" fill="none" stroke="${p.accent}" stroke-width="12" stroke-linejoin="round" stroke-linecap="round"/>
    <rect x="200" y="820" width="1200" height="6" fill="${p.ink}"/>`;
}

/** A PNG illustration for a story: its motif, its colours chosen by its slug. */
export async function drawIllustration(slug: string, motif: Motif): Promise<Buffer> {
  const n = numbers(slug);
  const palette = PALETTES[Math.floor(n[0]! * PALETTES.length) % PALETTES.length]!;
  const body = motif === 'politics' ? politics(n, palette) : motif === 'world' ? world(n, palette) : business(n, palette);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>${body}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const ALT_TEXT: Record<Motif, string> = {
  politics: 'Illustration: a columned civic building with a dome, the sun low behind it.',
  world: 'Illustration: a globe crossed by dotted travel routes.',
  business: 'Illustration: a rising bar chart with a line drawn over it.',
};
