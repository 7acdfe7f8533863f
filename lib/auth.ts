import 'server-only';
import { redirect } from 'next/navigation';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { findSessionViewer } from '@/lib/data/users';
import { verifySignIn } from '@/lib/data/sign-in';
import type { Viewer } from '@/lib/data/viewer';
import { signInSchema } from '@/lib/validations/users';

// The address that connected to us, or to the one proxy in front of us. The left-most entries of
// X-Forwarded-For are whatever the client chose to send, so they cannot key a rate limit.
function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last || request.headers.get('x-real-ip') || 'unknown';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password' } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse({ email: credentials.email, password: credentials.password });
        if (!parsed.success) return null;
        const user = await verifySignIn(parsed.data.email, parsed.data.password, clientAddress(request));
        return user ? { id: user.id } : null;
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; name, role and active state are read from the row.
    jwt: ({ token, user }) => (user?.id ? { ...token, sub: user.id } : token),
    session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub ?? '' } }),
  },
});

/** The signed-in, active user, or null. Checked against the user row on every request. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findSessionViewer(id) : null;
}

/** For newsroom pages: the viewer, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?reason=signed-out');
  return viewer;
}
