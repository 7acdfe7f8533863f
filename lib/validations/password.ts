import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { z } from 'zod';

// What a new password must be: at least 12 characters (NIST SP 800-63B's advice is length, not
// composition rules) and not common or guessable: zxcvbn scores it against lists of leaked
// passwords, common words and names, keyboard patterns, dates and the person's own name and email.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
const MIN_SCORE = 3; // "safely unguessable": about 10^8 guesses or more

let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return zxcvbn;
}

/** Why a password is refused, or null. `personal` holds the person's name and email. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (usesPersonalDetails(password, personal)) return 'Do not build your password from your name or email address.';
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2);
  const result = estimator().check(password, words);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
  return `This password is too common or too easy to guess${hint}. Try a longer phrase of unrelated words.`;
}

const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// zxcvbn discounts a name found in a password but may still rate "rileychen1234" as safe; a
// password that contains the whole name, the email's local part or a long word of the name is
// refused outright. (Short name parts such as "Chen" occur inside ordinary words, so they are not.)
function usesPersonalDetails(password: string, personal: string[]): boolean {
  const haystack = squeeze(password);
  const needles = personal.flatMap((p) => [squeeze(p.split('@')[0]!), ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5)]);
  return needles.some((needle) => needle.length >= 4 && haystack.includes(needle));
}

export const newPasswordSchema = z
  .string({ error: 'Enter a new password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
