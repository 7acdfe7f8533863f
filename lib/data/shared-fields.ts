import 'server-only';
import { TEXT_FIELDS } from '@/lib/collab/body-field';
import type { SaveStoryInput } from '@/lib/validations/story';
import type { columnsOf } from './story-fields';

// A save of a story written together leaves out what its shared document holds (the body and the
// text fields): those stay as the document last stored them (lib/data/story-docs.ts).

/** What a save may leave to the shared document: the body and the one-line text fields. */
export const SHARED_KEYS = ['body', ...TEXT_FIELDS] as const;
type SharedKey = (typeof SHARED_KEYS)[number];

export const sharedOmitted = (input: SaveStoryInput): SharedKey[] => SHARED_KEYS.filter((key) => input[key] === undefined);
export const definedOf = <T extends object>(input: T): Partial<T> => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;

/** The columns to write, without those the shared document keeps (the body brings its text and word count). */
export function columnsWithout(columns: ReturnType<typeof columnsOf>, shared: SharedKey[]) {
  const left: Partial<ReturnType<typeof columnsOf>> = { ...columns };
  for (const key of shared) delete left[key];
  if (shared.includes('body')) {
    delete left.plainText;
    delete left.wordCount;
  }
  return left;
}
