import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { RegisterBody } from '../../shared/api/auth';
import { CreateConnectionBody } from '../../shared/api/connections';
import { issueMessages } from './formState';

// Echoes the key it is asked for, so a test sees which message the form would show.
const t = ((key: string) => `t:${key}`) as unknown as TFunction;

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (result.success || !result.error) throw new Error('expected the schema to reject the input');
  return result.error.issues;
}

describe('issueMessages', () => {
  it('translates our schema codes per field and keeps only the first issue of each', () => {
    const issues = issuesOf(RegisterBody.safeParse({ username: 'No Spaces!', password: 'short' }));
    expect(issueMessages(issues, ['username', 'password'], () => 'field_invalid', t)).toEqual({
      username: 't:errors.username_invalid',
      password: 't:errors.password_too_short',
    });
  });

  it("turns zod's own English messages into the field's fallback code", () => {
    // A number where a string belongs: zod words that itself, in English.
    const issues = issuesOf(RegisterBody.safeParse({ username: 42, password: 'long enough password' }));
    expect(issueMessages(issues, ['username', 'password'], () => 'field_invalid', t)).toEqual({
      username: 't:errors.field_invalid',
    });
  });

  it('ignores fields the form does not show and uses a per-field fallback', () => {
    const issues = issuesOf(CreateConnectionBody.safeParse({ kind: 'role', name: '', roleArn: 7 }));
    const found = issueMessages(issues, ['roleArn'], (field) => `${field}_fallback`, t);
    expect(Object.keys(found)).toEqual(['roleArn']);
    expect(found.roleArn).toBe('t:errors.roleArn_fallback');
  });
});
