import type { Metadata } from 'next';
import { SettingsNav } from '@/components/settings/settings-nav';
import { WireSourcesForm } from '@/components/settings/wire-sources-form';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { listSections } from '@/lib/data/sections';
import { listWireSources, wireExpiryDays } from '@/lib/data/wire-sources';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Wire sources' };

export default async function WireSettingsPage() {
  const viewer = await requireViewer();
  if (!can(viewer, 'wire.configure')) return <NotAvailable reason="Wire sources are for admins." />;
  const [sources, sections, expiryDays] = await Promise.all([listWireSources(viewer), listSections(), wireExpiryDays()]);
  return (
    <>
      <div className="page-head">
        <h1>Wire sources</h1>
        <p className="muted">Agency copy in NewsML-G2 or ninjs arrives by push (with the source’s token), from a folder (MASTHEAD_WIRE_DIR/&lt;slug&gt;/) or from a feed Masthead reads every minute.</p>
      </div>
      <SettingsNav current="wires" />
      <WireSourcesForm sources={sources} sections={sections} expiryDays={expiryDays} />
    </>
  );
}
