import 'server-only';
import { refreshEmbeds } from '@/lib/data/embeds';
import { boss } from './boss';

// Embeds are refreshed from their sources once they are a week old: a nightly job takes a batch
// (pg-boss's schedule runs it on one instance only), so a post deleted at the source gets its
// "no longer available" mark within about a week and a night.

const QUEUE = 'refresh-embeds';

export async function startEmbedRefresh(): Promise<void> {
  const queue = await boss();
  await queue.createQueue(QUEUE);
  await queue.work(QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await refreshEmbeds();
  });
  await queue.schedule(QUEUE, '17 3 * * *');
}
