import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ArticleView } from '@/components/reading/article-view';
import { getViewer } from '@/lib/auth';
import { loadPreview, previewRefusal } from '@/lib/data/preview';
import { formatDateTime } from '@/lib/format';
import { readPreviewToken } from '@/lib/preview-token';

// Previews are never indexed and never cached.
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function PreviewPage({ params }: Props) {
  await connection();
  const grant = readPreviewToken((await params).token);
  const refused = grant ? await previewRefusal(grant, await getViewer()) : null;
  if (refused?.kind === 'embargo') {
    return (
      <div className="article" role="alert">
        <h1>This story is under embargo</h1>
        <p>It can be previewed outside the newsroom from {formatDateTime(refused.until)}.</p>
      </div>
    );
  }
  if (refused?.kind === 'legalHold') {
    return (
      <div className="article" role="alert">
        <h1>This preview is not available</h1>
        <p>The newsroom has withdrawn it for now. Ask the person who sent it.</p>
      </div>
    );
  }
  const story = grant ? await loadPreview(grant) : null;
  if (!grant || !story) {
    return (
      <div className="article" role="alert">
        <h1>This preview link has expired, was revoked or is not valid</h1>
        <p>Ask the newsroom for a new link.</p>
      </div>
    );
  }
  return (
    <>
      <p className="preview-banner" role="note">
        Preview — not the published page. This link works until {formatDateTime(grant.expiresAt)}.
      </p>
      <ArticleView story={story} />
    </>
  );
}
