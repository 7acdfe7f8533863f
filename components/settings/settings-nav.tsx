import Link from 'next/link';

/** The admin settings pages, one link each. */
export function SettingsNav({ current }: { current: 'site' | 'style' | 'embeds' | 'wires' }) {
  return (
    <nav aria-label="Settings" className="settings-nav">
      <Link href="/newsroom/settings/site" aria-current={current === 'site' ? 'page' : undefined}>
        Site identity
      </Link>
      <Link href="/newsroom/settings/style" aria-current={current === 'style' ? 'page' : undefined}>
        Style and checklist
      </Link>
      <Link href="/newsroom/settings/embeds" aria-current={current === 'embeds' ? 'page' : undefined}>
        Embeds
      </Link>
      <Link href="/newsroom/settings/wires" aria-current={current === 'wires' ? 'page' : undefined}>
        Wire sources
      </Link>
    </nav>
  );
}
