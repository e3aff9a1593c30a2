/**
 * Parsing of IAM-style policy documents (bucket policies, Lambda resource policies, IAM policies).
 * Documents come from AWS as untrusted JSON text — IAM's are also URL-encoded — so they are
 * decoded, JSON.parse'd (never evaluated) and validated before any check reads them.
 */
import { z } from 'zod';
import type { PolicyDocument, PolicyStatement } from '../../core/records.js';

const stringOrList = z.union([z.string(), z.array(z.string())]);

const statementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Principal: z.unknown().optional(),
  NotPrincipal: z.unknown().optional(),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

const documentSchema = z.object({
  Version: z.string().optional(),
  // AWS accepts a single statement object as well as a list.
  Statement: z.union([statementSchema, z.array(statementSchema)]),
});

export class PolicyParseError extends Error {
  override name = 'PolicyParseError';
}

/** Decodes a policy that may be URL-encoded (IAM returns `%7B%22Version…`). */
export function decodePolicyText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    throw new PolicyParseError('The policy document is neither JSON nor URL-encoded JSON');
  }
}

/** Parses a policy document; throws PolicyParseError (never a SyntaxError stack) on bad input. */
export function parsePolicyDocument(text: string): PolicyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(decodePolicyText(text));
  } catch (error) {
    if (error instanceof PolicyParseError) throw error;
    throw new PolicyParseError('The policy document is not valid JSON');
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolicyParseError(
      `The policy document has an unexpected shape: ${parsed.error.issues[0]?.message}`,
    );
  }
  const statements = Array.isArray(parsed.data.Statement) ? parsed.data.Statement : [parsed.data.Statement];
  const document: PolicyDocument = { Statement: statements.map(dropUndefined) };
  if (parsed.data.Version !== undefined) document.Version = parsed.data.Version;
  return document;
}

function dropUndefined(statement: z.infer<typeof statementSchema>): PolicyStatement {
  return Object.fromEntries(
    Object.entries(statement).filter(([, value]) => value !== undefined),
  ) as unknown as PolicyStatement;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when some statement allows every action ("*" or "*:*") on every resource ("*"). */
export function allowsAdminAccess(document: PolicyDocument | undefined): boolean {
  if (!document) return false;
  return document.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      asList(s.Action).some((a) => a === '*' || a === '*:*') &&
      asList(s.Resource).includes('*'),
  );
}
