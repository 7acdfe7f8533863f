import type { Metadata } from 'next';
import { ChecklistForm } from '@/components/settings/checklist-form';
import { StyleSettingsForm } from '@/components/settings/style-settings-form';
import { getChecklistSettings } from '@/lib/data/checklist';
import { SettingsNav } from '@/components/settings/settings-nav';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { listSections } from '@/lib/data/sections';
import { getStyleSettings } from '@/lib/data/style';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Style settings' };

export default async function StyleSettingsPage() {
  const viewer = await requireViewer();
  if (!can(viewer, 'site.configure')) return <NotAvailable reason="Style settings are for admins." />;
  const [settings, sections, checklist] = await Promise.all([getStyleSettings(), listSections(), getChecklistSettings()]);
  return (
    <>
      <div className="page-head">
        <h1>Style settings</h1>
        <p className="muted">The copy desk’s rules. Changes apply to every story from the next check, and are recorded in the audit log.</p>
      </div>
      <SettingsNav current="style" />
      <StyleSettingsForm settings={settings} sections={sections} />
      <ChecklistForm settings={checklist} sections={sections} />
    </>
  );
}
