'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';

export type PickedImage = { id: string; src: string; alt: string; caption: string; credit: string; width: number; height: number };

type Props = { title: string; onPick: (image: PickedImage) => void; onClose: () => void };

/** The media library in a dialog. Images without alt text are listed but cannot be used. */
export function ImagePicker({ title, onPick, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [images, setImages] = useState<(PickedImage & { originalName: string })[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
    fetch('/api/desk/media')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((data) => setImages(data.media))
      .catch(() => setError('The media library could not be loaded.'));
  }, []);

  return (
    <dialog ref={dialog} className="picker" aria-labelledby="picker-title" onClose={onClose}>
      <h2 id="picker-title">{title}</h2>
      {error && <p role="alert">{error}</p>}
      {images === null && !error && <p>Loading…</p>}
      {images?.length === 0 && (
        <p>
          The media library is empty. <Link href="/newsroom/media">Upload images</Link> first.
        </p>
      )}
      <ul className="picker-grid">
        {images?.map((image) => (
          <li key={image.id}>
            {/* eslint-disable-next-line @next/next/no-img-element -- thumbnails of renditions */}
            <img src={image.src} alt="" />
            {image.alt ? (
              <button type="button" className="btn btn-quiet" onClick={() => onPick(image)} aria-label={`Use ${image.alt}`}>
                Use
              </button>
            ) : (
              <span className="field-error">Needs alt text</span>
            )}
            <span className="picker-name">{image.alt || image.originalName}</span>
          </li>
        ))}
      </ul>
      <div className="picker-actions">
        <Link href="/newsroom/media" target="_blank">
          Open the media library
        </Link>
        <button type="button" className="btn btn-quiet" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
