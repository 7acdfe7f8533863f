'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Uploads each chosen file in turn and reports, per file, what the server said. */
export function UploadForm() {
  const router = useRouter();
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const upload = async (files: FileList) => {
    setBusy(true);
    const results: string[] = [];
    for (const file of Array.from(files)) {
      const body = new FormData();
      body.set('file', file);
      const response = await fetch('/api/desk/media', { method: 'POST', body }).catch(() => null);
      const data = response ? await response.json().catch(() => ({})) : {};
      results.push(response?.ok ? `${file.name}: uploaded. Add its alt text below.` : `${file.name}: ${data.error ?? 'upload failed; check your connection.'}`);
    }
    setMessages(results);
    setBusy(false);
    router.refresh();
  };

  return (
    <div className="panel">
      <label htmlFor="media-upload" className="upload-label">
        Upload images
      </label>
      <input
        id="media-upload"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        multiple
        disabled={busy}
        onChange={(e) => e.target.files && void upload(e.target.files)}
      />
      <p className="hint">JPEG, PNG, WebP or AVIF, up to 15 MB. Location and camera data are removed.</p>
      <ul role="status" className="upload-results">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
