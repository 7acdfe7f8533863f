import Link from 'next/link';
import type { ReactNode } from 'react';
import './reading.css';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="reading">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="masthead">
        <Link href="/" className="masthead-title">
          Masthead
        </Link>
      </header>
      <main id="main" className="reading-main">
        {children}
      </main>
      <footer className="reading-footer">
        <p>
          Masthead · Independent journalism · <Link href="/corrections">Corrections</Link>
        </p>
      </footer>
    </div>
  );
}
