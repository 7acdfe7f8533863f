import { takePublicRequest } from '@/lib/data/rate-limits';
import { clientFromHeaders } from '@/lib/security/client-address';
import { log } from '@/lib/log';
import { readBoundedText } from '@/lib/http';

// Where browsers report Content-Security-Policy violations (report-uri). Each report becomes one
// log line that an operator can search for; a client may send at most 30 a minute, 16 KB each.

const MAX_BYTES = 16 * 1024;
const ACCEPTED = ['application/csp-report', 'application/reports+json', 'application/json'];

function field(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

export async function POST(request: Request) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED.includes(type)) return new Response(null, { status: 415 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES) return new Response(null, { status: 413 });
  const limit = await takePublicRequest('cspReport', clientFromHeaders(request.headers));
  if (!limit.ok) return new Response(null, { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } });
  // Chunked bodies declare no length: counted as they arrive, cut off past the limit.
  const text = await readBoundedText(request, MAX_BYTES);
  if (text === null) return new Response(null, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(null, { status: 400 });
  }
  // report-uri sends {"csp-report": {...}}; the Reporting API sends [{type, body: {...}}].
  const reports = Array.isArray(body) ? body.map((r) => (r as { body?: unknown }).body) : [(body as { 'csp-report'?: unknown })['csp-report']];
  for (const report of reports.slice(0, 10)) {
    if (!report || typeof report !== 'object') continue;
    const r = report as Record<string, unknown>;
    log.warn(
      {
        document: field(r['document-uri'] ?? r.documentURL),
        directive: field(r['violated-directive'] ?? r.effectiveDirective),
        blocked: field(r['blocked-uri'] ?? r.blockedURL),
        sample: field(r['script-sample'] ?? r.sample),
      },
      '[csp-report] violation',
    );
  }
  return new Response(null, { status: 204 });
}
