// Runs once when the Next server starts. `npm run dev` and `npm start` check the configuration
// before they launch Next; this covers a bare `next start` too, then starts the job workers
// (scheduled publishing, the embeds' nightly refresh, wire feeds, folder and expiry) and the server
// for writing together in this process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { checkStartupEnv } = await import('@/lib/startup-check');
    checkStartupEnv();
    const { startScheduledPublishing } = await import('@/lib/jobs/scheduled-publishing');
    await startScheduledPublishing();
    const { startEmbedRefresh } = await import('@/lib/jobs/embed-refresh');
    await startEmbedRefresh();
    const { startWireIntake } = await import('@/lib/jobs/wire-intake');
    await startWireIntake();
    // Writing together: the shared documents' WebSocket server (scripts/server.ts routes upgrades to it).
    const { env } = await import('@/lib/env');
    if (env().MASTHEAD_COLLABORATION === 'on') {
      const { startCollaboration } = await import('@/lib/collab/server');
      await startCollaboration();
    }
    const { purgeForNewBuild, startFrontPurging } = await import('@/lib/jobs/front-purge');
    startFrontPurging();
    const { readFile } = await import('node:fs/promises');
    const buildId = await readFile('.next/BUILD_ID', 'utf8').catch(() => null);
    if (buildId) await purgeForNewBuild(buildId.trim()).catch((error: unknown) => console.error(`[masthead] Purging the previous build's pages failed: ${String(error)}`));
    // Pages cached by this instance are revalidated whenever any instance (or the worker) changes them,
    // and all of them when the listener was deaf for a while. The proxy's remembered answers about
    // retired addresses go too, so that an unpublished story answers 410 here before the cache front
    // comes back for it.
    const { onInvalidation } = await import('@/lib/cache/tagged-cache');
    const { pagePathsIn, requestRevalidation } = await import('@/lib/cache/pages');
    const { EVERY_PAGE } = await import('@/lib/cache/page-paths');
    const { forgetRetiredPaths } = await import('@/lib/data/story-paths');
    // The players public pages may frame (their CSP's frame-src) follow the embed providers' settings.
    const { refreshFrameOrigins } = await import('@/lib/data/embed-providers');
    const { cacheKeys } = await import('@/lib/cache/keys');
    const readPlayers = () => refreshFrameOrigins().catch((error: unknown) => console.error(`[masthead] Reading the embed providers failed: ${String(error)}`));
    await readPlayers();
    await onInvalidation((dropped, missed) => {
      if (missed || dropped.includes(cacheKeys.site)) void readPlayers();
      const pages = missed ? [EVERY_PAGE] : pagePathsIn(dropped);
      if (pages.length === 0) return;
      forgetRetiredPaths();
      void requestRevalidation(pages);
    });
  }
}
