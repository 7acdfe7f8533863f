import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/newsroom/data-table';
import { OlderPage } from '@/components/newsroom/filter-bar';
import { WireFilterBar } from '@/components/wires/wire-filter-bar';
import { WireStatus, WireUrgency, wireTime } from '@/components/wires/wire-marks';
import { WireRefresh } from '@/components/wires/wire-refresh';
import { requireViewer } from '@/lib/auth';
import { listWireItems, wireStamp } from '@/lib/data/wire-desk';
import { wireSourceNames } from '@/lib/data/wire-sources';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { wireFiltersSchema } from '@/lib/validations/wire';

export const metadata: Metadata = { title: 'Wires' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WiresPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = wireFiltersSchema.parse(await searchParams);
  // The stamp is read first: a change landing while the list is read makes the refresher reload.
  const stamp = await wireStamp(viewer);
  const [{ items, nextCursor }, sources] = await Promise.all([listWireItems(viewer, params), wireSourceNames(viewer)]);
  const kept = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'cursor'));
  const nextHref = nextCursor ? `?${new URLSearchParams({ ...kept, cursor: nextCursor })}` : null;
  return (
    <>
      <div className="page-head">
        <h1>Wires</h1>
        <p className="muted">
          Agency copy, newest version first. The list follows new items as they arrive.
          {can(viewer, 'wire.configure') && (
            <>
              {' '}
              <Link href="/newsroom/settings/wires">Wire sources</Link>
            </>
          )}
        </p>
      </div>
      <WireRefresh stamp={stamp} />
      <WireFilterBar params={params} sources={sources} />
      <DataTable
        rows={items}
        rowKey={(item) => item.id}
        empty={sources.length ? 'No wire items match these filters.' : 'No wire sources yet: an admin adds them under Settings → Wire sources.'}
        columns={[
          { header: 'Urgency', numeric: true, cell: (item) => <WireUrgency urgency={item.urgency} /> },
          {
            header: 'Headline',
            names: true,
            cell: (item) => (
              <>
                <Link href={`/newsroom/wires/${item.id}`}>{item.headline || item.slugline || '(no headline)'}</Link>
                {item.slugline && item.headline && <span className="muted wire-slugline"> {item.slugline}</span>}
              </>
            ),
          },
          { header: 'Source', cell: (item) => item.source },
          { header: 'Time', cell: (item) => <time dateTime={wireTime(item).toISOString()}>{formatDateTime(wireTime(item))}</time> },
          { header: 'Version', numeric: true, cell: (item) => item.version },
          { header: 'Status', cell: (item) => <WireStatus status={item.pubStatus} embargoUntil={item.embargoUntil} held={item.held} /> },
          { header: 'Section', cell: (item) => item.section ?? '—' },
          { header: 'Used', numeric: true, cell: (item) => (item.used ? `${item.used} ${item.used === 1 ? 'story' : 'stories'}` : '—') },
        ]}
      />
      <OlderPage href={nextHref}>Older items →</OlderPage>
    </>
  );
}
