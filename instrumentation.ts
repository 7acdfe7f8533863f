// Runs once when the Next server starts. `npm run dev` and `npm start` check the configuration
// before they launch Next; this covers a bare `next start` too, then starts the job workers
// (scheduled publishing) in this process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { checkStartupEnv } = await import('@/lib/startup-check');
    checkStartupEnv();
    const { startScheduledPublishing } = await import('@/lib/jobs/scheduled-publishing');
    await startScheduledPublishing();
    const { startFrontPurging } = await import('@/lib/jobs/front-purge');
    await startFrontPurging();
    // Pages cached by this instance are revalidated whenever any instance (or the worker) changes them.
    // The proxy's table of retired addresses is reloaded at once too, so that an unpublished story
    // answers 410 here before the cache front comes back for it.
    const { onInvalidation } = await import('@/lib/cache/tagged-cache');
    const { pagePathsIn, requestRevalidation } = await import('@/lib/cache/pages');
    const { forgetRetiredPaths } = await import('@/lib/data/story-paths');
    await onInvalidation((dropped) => {
      const pages = pagePathsIn(dropped);
      if (pages.length === 0) return;
      forgetRetiredPaths();
      void requestRevalidation(pages);
    });
  }
}
