// For load balancers and uptime checks: answers without touching the database.
export function GET() {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
