import { describe, expect, it } from 'vitest';
import { refusal } from '@/lib/actions/result';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '@/lib/data/errors';

describe('refusal: the one mapping of the data layer’s refusals for server actions', () => {
  it('keeps a refused input’s field errors, and says nothing of fields when there are none', () => {
    expect(refusal(new ValidationError('Choose a section.', { sectionId: ['Choose a section.'] }))).toEqual({ ok: false, message: 'Choose a section.', fieldErrors: { sectionId: ['Choose a section.'] } });
    expect(refusal(new ValidationError('Too long.'))).toEqual({ ok: false, message: 'Too long.' });
  });

  it('marks a newer version as a conflict, a version conflict included', () => {
    expect(refusal(new ConflictError('Someone saved first.'))).toEqual({ ok: false, message: 'Someone saved first.', conflict: true });
    expect(refusal(new VersionConflictError('Changed meanwhile.', { version: 4 }))).toEqual({ ok: false, message: 'Changed meanwhile.', conflict: true });
  });

  it('passes on the message of a missing permission or a missing thing', () => {
    expect(refusal(new ForbiddenError())).toEqual({ ok: false, message: 'You do not have permission to do that.' });
    expect(refusal(new NotFoundError('No such story.'))).toEqual({ ok: false, message: 'No such story.' });
  });

  it('throws anything else on: a fault is not a refusal', () => {
    const fault = new Error('connection reset');
    expect(() => refusal(fault)).toThrow(fault);
    expect(() => refusal('odd')).toThrow();
  });
});
