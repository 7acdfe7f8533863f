import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ArticleView } from '@/components/reading/article-view';
import { getViewer } from '@/lib/auth';
import { embargoRefusal, loadPreview } from '@/lib/data/preview';
import { formatDateTime } from '@/lib/format';
import { readPreviewToken } from '@/lib/preview-token';

// Previews are never indexed and never cached.
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function PreviewPage({ params }: Props) {
  await connection();
  const grant = readPreviewToken((await params).token);
  const embargoed = grant ? await embargoRefusal(grant, await getViewer()) : null;
  if (embargoed) {
    return (
      <div className="article" role="alert">
        <h1>This story is under embargo</h1>
        <p>It can be previewed outside the newsroom from {formatDateTime(embargoed)}.</p>
      </div>
    );
  }
  const story = grant ? await loadPreview(grant) : null;
  if (!grant || !story) {
    return (
      <div className="article" role="alert">
        <h1>This preview link has expired or is not valid</h1>
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
