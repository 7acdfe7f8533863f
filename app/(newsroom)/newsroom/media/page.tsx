import type { Metadata } from 'next';
import { MediaTextForm } from '@/components/media/media-text-form';
import { UploadForm } from '@/components/media/upload-form';
import { requireViewer } from '@/lib/auth';
import { listMedia } from '@/lib/data/media';
import './media.css';

export const metadata: Metadata = { title: 'Media' };

export default async function MediaPage() {
  const viewer = await requireViewer();
  const media = await listMedia(viewer);
  return (
    <>
      <div className="page-head">
        <h1>Media</h1>
        <p className="muted">{media.length} images</p>
      </div>
      <UploadForm />
      <ul className="media-grid">
        {media.map((item) => (
          <li key={item.id} className="panel">
            {/* eslint-disable-next-line @next/next/no-img-element -- a rendition, already sized */}
            <img src={item.src} alt={item.alt} width={item.width} height={item.height} />
            <p className="hint">
              {item.originalName} · {item.format.toUpperCase()} · {item.width}×{item.height}
            </p>
            <MediaTextForm
              id={item.id}
              name={item.originalName}
              alt={item.alt}
              caption={item.caption}
              credit={item.credit}
              readOnlyReason={
                item.canEditText ? null : item.onLiveStory ? 'On a published story: an editor can change these details.' : 'Uploaded by someone else: they or an editor can change these details.'
              }
            />
          </li>
        ))}
      </ul>
    </>
  );
}
