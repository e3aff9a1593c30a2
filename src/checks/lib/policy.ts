/**
 * Policy-document analysis shared by the S3, Lambda and IAM checks: who a statement grants access
 * to (public principals), whether a condition really narrows that access, and whether a statement
 * grants full administrator rights (`*` on `*`). Pure functions over parsed policy JSON, which is
 * untrusted input: every shape AWS accepts (single values or arrays, any key case) is handled.
 */
import type { PolicyDocument, PolicyStatement } from '../../core/records.js';

/** Condition keys that tie a public principal to the owner's network, account or organisation. */
export const S3_RESTRICTING_CONDITION_KEYS = [
  'aws:SourceIp',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:PrincipalOrgID',
  'aws:PrincipalAccount',
] as const;

/**
 * CHECKS.md part 2 ("Public policy", SNS/SQS/ECR): the S3 keys plus `aws:SourceOwner`, which
 * AWS's default SNS topic policy uses.
 */
export const RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS = [
  ...S3_RESTRICTING_CONDITION_KEYS,
  'aws:SourceOwner',
] as const;

/** CHECKS.md: a Lambda resource policy is restricted by SourceArn, SourceAccount or PrincipalOrgID. */
export const LAMBDA_RESTRICTING_CONDITION_KEYS = [
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:PrincipalOrgID',
] as const;

export function toArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statements of a document, tolerating a single statement object (valid in AWS policies). */
export function statementsOf(document: PolicyDocument | null | undefined): PolicyStatement[] {
  if (!document || typeof document !== 'object') return [];
  return toArray(document.Statement as PolicyStatement | PolicyStatement[] | undefined).filter(
    (s): s is PolicyStatement => typeof s === 'object' && s !== null,
  );
}

function isAllow(statement: PolicyStatement): boolean {
  return String(statement.Effect).toLowerCase() === 'allow';
}

function isDeny(statement: PolicyStatement): boolean {
  return String(statement.Effect).toLowerCase() === 'deny';
}

/** `"*"`, `{"AWS": "*"}` or `{"AWS": ["…", "*"]}`: anyone, including anonymous callers. */
export function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return false;
  for (const [type, value] of Object.entries(principal as Record<string, unknown>)) {
    if (type.toLowerCase() !== 'aws') continue;
    if (toArray(value).some((v) => v === '*')) return true;
  }
  return false;
}

/** A value that matches anything: "*", "?*", an ARN of wildcards, or the whole IP space. */
function isUnboundedValue(value: unknown): boolean {
  const text = String(value).trim();
  if (text === '' || /^[*?]+$/.test(text)) return true;
  if (text === '0.0.0.0/0' || text === '::/0') return true;
  // arn:aws:*:*:*:* style — every segment after the partition is empty or a wildcard.
  const segments = text.split(':');
  if (segments[0]?.toLowerCase() === 'arn' && segments.length >= 2) {
    return segments.slice(2).every((s) => /^[*?]*$/.test(s)) && segments.slice(2).some((s) => s !== '');
  }
  return false;
}

/**
 * Whether an operator narrows access to the listed values. Negated operators (StringNotEquals,
 * NotIpAddress, ArnNotLike…) grant everyone else; `Null` only tests presence; `ForAllValues:` is
 * true when the key is absent from the request — none of them restrict.
 */
function operatorRestricts(operator: string): boolean {
  const op = operator.toLowerCase();
  if (op.startsWith('forallvalues:')) return false;
  const base = op.replace(/^foranyvalue:/, '').replace(/ifexists$/, '');
  if (base === 'null' || base.includes('not')) return false;
  return (
    base.startsWith('string') ||
    base.startsWith('arn') ||
    base === 'ipaddress' ||
    base === 'bool' ||
    base.startsWith('numeric') ||
    base.startsWith('date') ||
    base === 'binaryequals'
  );
}

/** The restricting condition keys present in a statement (as written in the policy). */
export function restrictingConditionKeys(
  statement: PolicyStatement,
  restrictingKeys: readonly string[] = S3_RESTRICTING_CONDITION_KEYS,
): string[] {
  const wanted = new Set(restrictingKeys.map((k) => k.toLowerCase()));
  const found: string[] = [];
  const condition = statement.Condition;
  if (!condition || typeof condition !== 'object') return found;
  for (const [operator, block] of Object.entries(condition)) {
    if (!operatorRestricts(operator) || !block || typeof block !== 'object') continue;
    for (const [key, rawValues] of Object.entries(block)) {
      if (!wanted.has(key.toLowerCase())) continue;
      const values = toArray(rawValues as unknown);
      // Several values are OR-ed: one unbounded value opens the statement to everyone.
      if (values.length > 0 && !values.some(isUnboundedValue)) found.push(key);
    }
  }
  return found;
}

/**
 * An Allow that anyone can use: principal `*` (or NotPrincipal, which grants everyone except the
 * listed principals) with no condition on one of the restricting keys.
 */
export function isPublicAllowStatement(
  statement: PolicyStatement,
  restrictingKeys: readonly string[] = S3_RESTRICTING_CONDITION_KEYS,
): boolean {
  if (!isAllow(statement)) return false;
  const anyone = isPublicPrincipal(statement.Principal) || statement.NotPrincipal !== undefined;
  if (!anyone) return false;
  return restrictingConditionKeys(statement, restrictingKeys).length === 0;
}

/** The public Allow statements of a document, labelled by Sid or position for messages. */
export function publicAllowStatements(
  document: PolicyDocument | null | undefined,
  restrictingKeys: readonly string[] = S3_RESTRICTING_CONDITION_KEYS,
): string[] {
  return statementsOf(document)
    .map((s, i) => ({ s, label: s.Sid ? String(s.Sid) : `#${i + 1}` }))
    .filter(({ s }) => isPublicAllowStatement(s, restrictingKeys))
    .map(({ label }) => label);
}

function coversAllActions(actions: unknown): boolean {
  return toArray(actions).some((a) => {
    const text = String(a).trim();
    return text === '*' || text === '*:*';
  });
}

function coversAllResources(statement: PolicyStatement): boolean {
  if (statement.NotResource !== undefined) {
    // Every resource except the listed ones; `NotResource: "*"` excludes everything.
    return !toArray(statement.NotResource).some((r) => String(r).trim() === '*');
  }
  return toArray(statement.Resource).some((r) => {
    const text = String(r).trim();
    return text === '*' || isUnboundedValue(text);
  });
}

/**
 * An Allow of every action (`*` or `*:*`) on every resource. `NotAction` never counts: it grants
 * everything except the listed actions (e.g. PowerUserAccess excludes iam:*), which is broad but
 * not `*` on `*`.
 */
export function isAdminStatement(statement: PolicyStatement): boolean {
  if (!isAllow(statement) || statement.NotAction !== undefined) return false;
  return coversAllActions(statement.Action) && coversAllResources(statement);
}

/** An unconditional Deny of everything, which cancels any Allow in the same document. */
function isDenyAll(statement: PolicyStatement): boolean {
  return (
    isDeny(statement) &&
    statement.NotAction === undefined &&
    statement.Condition === undefined &&
    (statement.Principal === undefined || isPublicPrincipal(statement.Principal)) &&
    coversAllActions(statement.Action) &&
    coversAllResources(statement)
  );
}

/** True when the document allows `*` on `*` and does not also deny everything outright. */
export function documentGrantsAdmin(document: PolicyDocument | null | undefined): boolean {
  const statements = statementsOf(document);
  if (statements.some(isDenyAll)) return false;
  return statements.some(isAdminStatement);
}

const ADMINISTRATOR_ACCESS_ARN = /^arn:aws(-[a-z-]+)?:iam::aws:policy\/AdministratorAccess$/;

export function isAdministratorAccessArn(arn: string): boolean {
  return ADMINISTRATOR_ACCESS_ARN.test(arn);
}

/** Bool `aws:SecureTransport` = false in a Deny: requests over plain HTTP are refused. */
export function deniesInsecureTransport(document: PolicyDocument | null | undefined): boolean {
  return statementsOf(document).some((statement) => {
    if (!isDeny(statement) || !statement.Condition || typeof statement.Condition !== 'object') return false;
    return Object.entries(statement.Condition).some(([operator, block]) => {
      const op = operator.toLowerCase();
      if ((op !== 'bool' && op !== 'boolifexists') || !block || typeof block !== 'object') return false;
      return Object.entries(block).some(
        ([key, value]) =>
          key.toLowerCase() === 'aws:securetransport' &&
          toArray(value as unknown).some((v) => String(v).toLowerCase() === 'false'),
      );
    });
  });
}
