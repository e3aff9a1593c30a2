/**
 * Attribute maps (SNS GetTopicAttributes, SQS GetQueueAttributes): one per-resource call feeds
 * several record fields, so a failure marks every one of them in `fieldErrors`, and a resource
 * policy carried as JSON text is parsed here, a bad document marking only the policy field.
 */
import type { FieldError, PolicyDocument } from '../../core/records.js';
import { parsePolicyDocument } from '../iam/policy-document.js';
import type { CollectorContext } from '../types.js';
import { optionalField } from './optional-field.js';

export async function attributeMap(
  ctx: CollectorContext,
  fieldErrors: Record<string, FieldError>,
  spec: { fields: string[]; operation: string; call: () => Promise<Record<string, string> | undefined> },
): Promise<Record<string, string> | undefined> {
  const [first, ...rest] = spec.fields;
  if (first === undefined) throw new Error('attributeMap needs at least one field');
  const attributes = await optionalField(ctx, fieldErrors, {
    field: first,
    operation: spec.operation,
    call: async () => (await spec.call()) ?? {},
  });
  const error = fieldErrors[first];
  if (error) for (const field of rest) fieldErrors[field] = error;
  return attributes;
}

/** The `Policy` attribute: null when absent or empty, undefined (with a field error) when unreadable. */
export function policyAttribute(
  ctx: CollectorContext,
  fieldErrors: Record<string, FieldError>,
  attributes: Record<string, string> | undefined,
  operation: string,
): PolicyDocument | null | undefined {
  if (attributes === undefined) return undefined;
  return policyText(ctx, fieldErrors, attributes.Policy, operation);
}

/**
 * A resource policy read as JSON text (ECR GetRepositoryPolicy, KMS GetKeyPolicy, attribute maps):
 * null when absent or empty; a bad document marks `fieldErrors.policy` and answers undefined.
 */
export function policyText(
  ctx: CollectorContext,
  fieldErrors: Record<string, FieldError>,
  text: string | undefined,
  operation: string,
): PolicyDocument | null | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  try {
    return parsePolicyDocument(trimmed);
  } catch (error) {
    fieldErrors.policy = ctx.fieldError(error, operation);
    return undefined;
  }
}
