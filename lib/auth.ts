import 'server-only';
import { redirect } from 'next/navigation';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { SESSION_SECONDS, endSession, findSessionViewer, openSession } from '@/lib/data/sessions';
import { verifySignIn } from '@/lib/data/sign-in';
import type { Viewer } from '@/lib/data/viewer';
import { clientFromHeaders } from '@/lib/security/client-address';
import { signInSchema } from '@/lib/validations/users';

// The cookie is Auth.js's signed and encrypted token; it carries the person's id and the id of a
// session row (lib/data/sessions.ts). Name, role and active state are read from the database.

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password' } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse({ email: credentials.email, password: credentials.password });
        if (!parsed.success) return null;
        const user = await verifySignIn(parsed.data.email, parsed.data.password, clientFromHeaders(request.headers));
        if (!user) return null;
        const sessionId = await openSession(user.id, request.headers.get('user-agent') ?? '');
        return { id: user.id, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (!user?.id) return token;
      return { sub: user.id, sid: (user as { sessionId?: string }).sessionId };
    },
    session: ({ session, token }) => ({
      ...session,
      user: { ...session.user, id: token.sub ?? '' },
      sessionId: typeof token.sid === 'string' ? token.sid : '',
    }),
  },
  events: {
    // Signing out ends the session row too, so a copy of the cookie stops working as well.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(sid);
    },
  },
});

/** The signed-in person and the id of the session they are using, or null. */
export async function getViewerSession(): Promise<{ viewer: Viewer; sessionId: string } | null> {
  const session = (await auth()) as { sessionId?: string } | null;
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  const viewer = await findSessionViewer(sessionId);
  return viewer ? { viewer, sessionId } : null;
}

/** The signed-in, active user, or null. Checked against the session and user rows on every request. */
export async function getViewer(): Promise<Viewer | null> {
  return (await getViewerSession())?.viewer ?? null;
}

/** For newsroom pages: the viewer, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?reason=signed-out');
  return viewer;
}
