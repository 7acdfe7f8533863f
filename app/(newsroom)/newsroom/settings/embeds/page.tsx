import type { Metadata } from 'next';
import { EmbedProvidersForm } from '@/components/settings/embed-providers-form';
import { SettingsNav } from '@/components/settings/settings-nav';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { embedProviderSettings } from '@/lib/data/embed-providers';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Embed settings' };

export default async function EmbedSettingsPage() {
  const viewer = await requireViewer();
  // The form only shows what the server would refuse anyway: the action checks again.
  if (!can(viewer, 'site.configure')) return <NotAvailable reason="Embed settings are for admins." />;
  const { providers, mastodon, fromFile } = await embedProviderSettings(viewer);
  return (
    <>
      <div className="page-head">
        <h1>Embed settings</h1>
        <p className="muted">
          Embeds are fetched once by Masthead’s server and shown as its own cards: readers load nothing from a provider until they press play on a video.
          {fromFile ? ' The list comes from the file MASTHEAD_EMBED_PROVIDERS names.' : ' The list is Masthead’s own; MASTHEAD_EMBED_PROVIDERS can name a file that replaces it.'}
        </p>
      </div>
      <SettingsNav current="embeds" />
      <EmbedProvidersForm providers={providers} mastodon={mastodon} />
    </>
  );
}
