import 'server-only';
import { can, type Action, type Actor, type StoryRef } from '@/lib/permissions';
import { ForbiddenError } from './errors';

// The signed-in person as the data layer sees them: re-read from the user row on every request.
export type Viewer = Actor & { name: string; email: string };

export function assertCan(viewer: Viewer | null, action: Action, story?: StoryRef): asserts viewer is Viewer {
  if (!can(viewer, action, story)) throw new ForbiddenError();
}
