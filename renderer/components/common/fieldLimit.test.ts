import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_LENGTH, MAX_TITLE_LENGTH } from '../../../shared/plan/model';
import { PlanError } from '../../../shared/plan/plan';
import * as validate from '../../../shared/plan/validate';
import { initialPlanState, usePlanStore } from '../../state/planStore';
import { refusalNotice } from '../shell/useOperation';
import { fieldLimit, warnAtLimit } from './fieldLimit';

describe('field limits in inputs', () => {
  beforeEach(() => usePlanStore.setState(initialPlanState));

  it('an input takes its maxLength from the model limit that validate enforces', () => {
    expect(fieldLimit('title').maxLength).toBe(MAX_TITLE_LENGTH);
    expect(fieldLimit('currency').maxLength).toBe(MAX_LENGTH.currency);
    expect(() =>
      validate.bounded('x'.repeat(fieldLimit('currency').maxLength), 'currency'),
    ).not.toThrow();
    expect(() =>
      validate.bounded('x'.repeat(fieldLimit('currency').maxLength + 1), 'currency'),
    ).toThrow(PlanError);
  });

  it('a value that reaches the limit says it was shortened to it (information, not a refusal)', () => {
    warnAtLimit('x'.repeat(MAX_TITLE_LENGTH), 'title');
    expect(usePlanStore.getState().notice).toEqual({
      kind: 'shortened',
      field: 'title',
      limit: MAX_TITLE_LENGTH,
    });
  });

  it('a value under the limit shows nothing', () => {
    warnAtLimit('x'.repeat(MAX_TITLE_LENGTH - 1), 'title');
    expect(usePlanStore.getState().notice).toBeNull();
  });

  it("a refusal's notice carries the model's field, reason and limit", () => {
    let error: unknown;
    try {
      validate.requiredTitle('x'.repeat(600));
    } catch (caught) {
      error = caught;
    }
    expect(refusalNotice(error)).toMatchObject({
      kind: 'refused',
      code: 'invalid',
      invalid: { field: 'title', reason: 'too_long', limit: MAX_TITLE_LENGTH },
    });
    expect(refusalNotice(new Error('boom'))).toEqual({
      kind: 'refused',
      code: 'invalid',
      detail: 'Error: boom',
    });
  });
});
