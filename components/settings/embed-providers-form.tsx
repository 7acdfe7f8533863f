'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FieldError, FormActions } from '@/components/ui/form-notice';
import { setEmbedSettingsAction, type EmbedSettingsResult } from '@/lib/actions/embeds';
import type { ProviderRow } from '@/lib/data/embed-providers';

/**
 * Which providers reporters may embed from, and the Mastodon instances the newsroom follows. A
 * provider switched off is refused by the resolver and its players leave every page's CSP; cards
 * already in stories stay, without their player.
 */
export function EmbedProvidersForm({ providers, mastodon }: { providers: ProviderRow[]; mastodon: string[] }) {
  const [result, setResult] = useState<EmbedSettingsResult | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const [hosts, setHosts] = useState(mastodon.join('\n'));
  const listed = providers.filter((p) => !p.mastodon);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const enabled = data.getAll('enabled').filter((v): v is string => typeof v === 'string');
    const lines = hosts.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    start(async () => {
      const answer = await setEmbedSettingsAction({ enabled, mastodon: lines });
      setResult(answer);
      // A Mastodon instance added is a provider row of its own.
      if (answer.ok) router.refresh();
    });
  };
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;

  return (
    <form
      className="panel embed-settings"
      aria-labelledby="embed-providers-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <h2 id="embed-providers-heading">Providers</h2>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Provider</th>
            <th scope="col">Addresses it embeds</th>
            <th scope="col">Card from</th>
            <th scope="col">Player after a click</th>
          </tr>
        </thead>
        <tbody>
          {providers.map((p) => (
            <tr key={p.name}>
              <td>
                <input type="checkbox" name="enabled" value={p.name} defaultChecked={p.enabled} aria-label={`Embed from ${p.name}`} />
              </td>
              <th scope="row">{p.name}</th>
              <td>
                <code>{p.examples.join(' · ') || '—'}</code>
              </td>
              <td>{p.oembed ? 'oEmbed' : 'The page’s card tags'}</td>
              <td>{p.players.length ? p.players.map((o) => o.replace(/^https:\/\//, '')).join(', ') : 'None (a card only)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError id="embed-enabled-error" errors={fieldErrors?.enabled} />
      <p className="hint">
        {listed.length === 1 ? 'One provider' : `${listed.length} providers`} in the list. Any other address becomes a link card from its page’s Open Graph or Twitter card tags.
      </p>
      <div className="field">
        <label htmlFor="embed-mastodon">Mastodon instances</label>
        <textarea
          id="embed-mastodon"
          rows={4}
          value={hosts}
          spellCheck={false}
          onChange={(e) => setHosts(e.target.value)}
          aria-describedby={`embed-mastodon-hint${fieldErrors?.mastodon ? ' embed-mastodon-error' : ''}`}
          aria-invalid={fieldErrors?.mastodon ? true : undefined}
        />
        <p id="embed-mastodon-hint" className="hint">
          One host a line (mastodon.social). Posts on these instances are embedded through their oEmbed endpoint.
        </p>
        <FieldError id="embed-mastodon-error" errors={fieldErrors?.mastodon} />
      </div>
      <FormActions pending={pending} label="Save providers" />
      <p role="status" className={`notice ${result?.ok ? 'notice-ok' : 'notice-error'}`}>
        {result?.message ?? ''}
      </p>
    </form>
  );
}
