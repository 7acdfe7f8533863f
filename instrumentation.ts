// Runs once when the Next server starts. `npm run dev` and `npm start` check the same things before
// they launch Next; this covers a bare `next start` (for example under a process manager).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { checkStartupEnv } = await import('@/lib/startup-check');
    checkStartupEnv();
  }
}
