import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { WireItemActions } from '@/components/wires/wire-item-actions';
import { WireStatus, WireUrgency, wireTime } from '@/components/wires/wire-marks';
import { requireViewer } from '@/lib/auth';
import { NotFoundError } from '@/lib/data/errors';
import { getWireItem } from '@/lib/data/wire-desk';
import { renderBody } from '@/lib/editor/render';
import { STATUS_LABELS, formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Wire item' };

type Props = { params: Promise<{ id: string }> };

const FORMAT_NAMES: Record<string, string> = { 'newsml-g2': 'NewsML-G2', 'ninjs-1': 'ninjs 1.x', 'ninjs-2': 'ninjs 2.x', 'ninjs-3': 'ninjs 3.x' };

export default async function WireItemPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const item = await getWireItem(viewer, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const facts: [string, ReactNode][] = [
    ['Source', `${item.source}${item.provider && item.provider !== item.source ? ` (${item.provider})` : ''}`],
    ['Byline', item.byline || '—'],
    ['Dateline', item.dateline || '—'],
    ['Slugline', item.slugline || '—'],
    ['Urgency', <WireUrgency key="u" urgency={item.urgency} />],
    ['Status', <WireStatus key="s" status={item.pubStatus} embargoUntil={item.embargoUntil} held={item.held} />],
    ['Version', `${item.version}, ${formatDateTime(wireTime(item))}`],
    ['First created', item.firstCreated ? formatDateTime(item.firstCreated) : '—'],
    ['Section guess', item.section ?? '—'],
    ['Language', item.language || '—'],
    ['Format', FORMAT_NAMES[item.format] ?? item.format],
    ['Identifier', <code key="g">{item.guid}</code>],
  ];
  return (
    <>
      <div className="page-head">
        <p>
          <Link href="/newsroom/wires">← Wires</Link>
        </p>
        <h1>{item.headline || item.slugline || '(no headline)'}</h1>
        <WireItemActions itemId={item.id} canUse={can(viewer, 'story.create') && item.pubStatus === 'usable' && !item.held} canRelease={item.held && can(viewer, 'wire.release')} />
      </div>
      {item.pubStatus === 'withheld' && (
        <p role="status" className="notice notice-error">
          The agency has withheld this item for now. It cannot be used until a usable version arrives.
        </p>
      )}
      {item.pubStatus === 'canceled' && (
        <p role="alert" className="notice notice-error wire-kill">
          The agency killed this item. It must not be used; stories made from it are stopped until an editor clears the kill.
        </p>
      )}
      <div className="wire-item">
        <article className="panel wire-text" aria-label="Agency text">
          {item.summary && <p className="wire-summary">{item.summary}</p>}
          <div className="article-body">{renderBody(item.body, { dateline: item.dateline })}</div>
        </article>
        <aside className="wire-meta">
          <section className="panel" aria-labelledby="wire-facts">
            <h2 id="wire-facts">About this item</h2>
            <dl className="facts">
              {facts.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
          {item.subjects.length > 0 && (
            <section className="panel" aria-labelledby="wire-subjects">
              <h2 id="wire-subjects">Subjects</h2>
              <ul className="wire-subjects">
                {item.subjects.map((s) => (
                  <li key={s.code || s.name}>
                    <Link href={`/newsroom/wires?subject=${encodeURIComponent(s.code || s.name)}`}>{s.name || s.code}</Link> {s.code && s.name && <code>{s.code}</code>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {item.pictures.length > 0 && (
            <section className="panel" aria-labelledby="wire-pictures">
              <h2 id="wire-pictures">Pictures</h2>
              <p className="muted">Referenced by the agency; the first is imported into the media library when the item is used.</p>
              <ul>
                {item.pictures.map((p) => (
                  <li key={p.href}>
                    {p.caption || 'Untitled picture'} <span className="muted">{p.width && p.height ? `${p.width}×${p.height}` : ''}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="wire-versions">
            <h2 id="wire-versions">Versions</h2>
            <ul className="wire-versions">
              {item.versions.map((v) => (
                <li key={`${v.version}-${v.versionCreated.getTime()}`}>
                  Version {v.version} · {v.pubStatus === 'canceled' ? 'killed' : v.headline} · <time dateTime={v.receivedAt.toISOString()}>received {formatDateTime(v.receivedAt)}</time>
                </li>
              ))}
            </ul>
          </section>
          {item.stories.length > 0 && (
            <section className="panel" aria-labelledby="wire-stories">
              <h2 id="wire-stories">Stories from this item</h2>
              <ul>
                {item.stories.map((s) => (
                  <li key={s.id}>
                    <Link href={`/newsroom/stories/${s.id}`}>{s.headline}</Link> <span className="muted">{STATUS_LABELS[s.status as keyof typeof STATUS_LABELS] ?? s.status}, from version {s.wireVersion ?? '?'}</span>
                    {s.killed && <span className="hold-mark hold-mark-legal">Wire kill</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </>
  );
}
