import type { Metadata } from 'next';
import { SiteIdentityForm } from '@/components/settings/site-identity-form';
import { SettingsNav } from '@/components/settings/settings-nav';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Site settings' };

export default async function SiteSettingsPage() {
  const viewer = await requireViewer();
  // The form only shows what the server would refuse anyway: the action checks again.
  if (!can(viewer, 'site.configure')) return <NotAvailable reason="Site settings are for admins." />;
  return (
    <>
      <div className="page-head">
        <h1>Site settings</h1>
        <p className="muted">Changes reach every public page, feed and sitemap at once, and are recorded in the audit log.</p>
      </div>
      <SettingsNav current="site" />
      <SiteIdentityForm identity={await getSiteIdentity()} />
    </>
  );
}
