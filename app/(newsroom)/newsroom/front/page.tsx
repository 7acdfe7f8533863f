import type { Metadata } from 'next';
import './front.css';
import { FrontDesk } from '@/components/front/front-desk';
import { FrontVersions } from '@/components/front/front-versions';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { ForbiddenError } from '@/lib/data/errors';
import { getFrontDesk } from '@/lib/data/front';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Front page' };

export default async function FrontPageDesk() {
  const viewer = await requireViewer();
  const desk = await getFrontDesk(viewer).catch((error) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!desk) return <NotAvailable reason="The front page is arranged by editors." />;
  return (
    <>
      <div className="page-head">
        <h1>Front page</h1>
        <p className="muted">Choose what leads. Changes are saved as a draft for the desk; readers see them when you publish.</p>
      </div>
      {/* Keyed by the live version: after a publication or restore the desk starts again from what is live. */}
      <FrontDesk key={desk.live?.id ?? 'none'} desk={desk} timeZone={env().NEWSROOM_TIMEZONE} />
      <FrontVersions scheduled={desk.scheduled} history={desk.history} />
    </>
  );
}
