import type { Db } from '@/lib/db';
import { ingestWire } from '@/lib/data/wire-ingest';
import { insertWireSource, sourceBySlug } from '@/lib/data/wire-sources';
import { demoWireItems } from './seed-data/wires';

// The demo newsroom's wire source and its morning's items, put through the same pipeline as a
// push. Its token is not shown: an admin rotates it under Settings → Wire sources to push.

export async function seedDemoWire(db: Db, log: (msg: string) => void): Promise<void> {
  if (await db.wireSource.findUnique({ where: { slug: 'demo-wire' }, select: { id: true } })) return;
  const section = await db.section.findUnique({ where: { slug: 'world' }, select: { id: true } });
  await insertWireSource({ name: 'Demo Wire', format: 'NINJS', sectionId: section?.id ?? null, needsEditor: false, feedUrl: '' }, null);
  const source = (await sourceBySlug('demo-wire'))!;
  let items = 0;
  for (const batch of demoWireItems()) items += (await ingestWire(source, JSON.stringify(batch))).length;
  log(`Demo wire: ${items} agency items on the Wires desk.`);
}
