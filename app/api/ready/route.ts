import { checkReadiness } from '@/lib/data/health';

// For load balancers: 200 when the database and the job queue answer, 503 (and why) otherwise.
// `/api/health` only says that the process is alive.
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store', ...(readiness.ready ? {} : { 'retry-after': '5' }) },
  });
}
