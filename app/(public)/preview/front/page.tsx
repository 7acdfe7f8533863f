import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { FrontPage } from '@/components/reading/front-page';
import { getViewer } from '@/lib/auth';
import { ForbiddenError } from '@/lib/data/errors';
import { getFrontPreview } from '@/lib/data/front';
import { getSiteIdentity } from '@/lib/data/site-identity';

// The front page draft as readers would see it, for editors only; never indexed or cached.
export const metadata: Metadata = { title: 'Front page preview', robots: { index: false, follow: false } };

export default async function FrontPreviewPage() {
  await connection();
  const front = await getFrontPreview(await getViewer()).catch((error) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!front) {
    return (
      <div className="article" role="alert">
        <h1>Only editors can preview the front page</h1>
        <p>
          <Link href="/login?callbackUrl=/preview/front">Sign in</Link> with an editor’s account.
        </p>
      </div>
    );
  }
  const site = await getSiteIdentity();
  return (
    <>
      <p className="preview-banner" role="note">
        Preview of the front page draft — not what readers see yet. <Link href="/newsroom/front">Back to the front page desk</Link>
      </p>
      <FrontPage front={front} siteName={site.name} />
    </>
  );
}
