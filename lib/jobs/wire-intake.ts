import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { pullWireFeeds } from '@/lib/data/wire-feeds';
import { expireWireItems } from '@/lib/data/wire-ingest';
import { wireExpiryDays } from '@/lib/data/wire-sources';
import { boss } from './boss';
import { scanWireFolder } from './wire-folder';

// Wire copy that is not pushed: feeds pulled every minute and the expiry of old items (pg-boss
// schedules, so one instance runs each), and the wire folder, scanned every two seconds.

const PULL = 'pull-wires';
const EXPIRE = 'expire-wires';
const FOLDER_EVERY_MS = 2_000;

const globalForFolder = globalThis as unknown as { wireFolderTimer?: NodeJS.Timeout };

export async function startWireIntake(): Promise<void> {
  const queue = await boss();
  await queue.createQueue(PULL);
  await queue.createQueue(EXPIRE);
  await queue.work(PULL, { pollingIntervalSeconds: 5 }, async () => {
    await pullWireFeeds();
  });
  await queue.work(EXPIRE, { pollingIntervalSeconds: 30 }, async () => {
    const gone = await expireWireItems(await wireExpiryDays());
    if (gone) log.info({ gone }, '[wire] expired items left the desk');
  });
  await queue.schedule(PULL, '* * * * *');
  await queue.schedule(EXPIRE, '23 * * * *');

  const root = env().MASTHEAD_WIRE_DIR;
  if (root && !globalForFolder.wireFolderTimer) {
    let busy = false;
    globalForFolder.wireFolderTimer = setInterval(() => {
      if (busy) return;
      busy = true;
      scanWireFolder(root)
        .catch((error: unknown) => log.error({ err: error }, '[wire] scanning the wire folder failed'))
        .finally(() => (busy = false));
    }, FOLDER_EVERY_MS);
    globalForFolder.wireFolderTimer.unref();
  }
}

export function stopWireIntake(): void {
  clearInterval(globalForFolder.wireFolderTimer);
  globalForFolder.wireFolderTimer = undefined;
}
