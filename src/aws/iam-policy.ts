/** The original product's read-only policy: used until/unless the collectors declare their own. */
export const ORIGINAL_PRODUCT_ACTIONS = [
  'ec2:Describe*',
  's3:List*',
  's3:Get*',
  'cloudwatch:Get*',
  'sts:GetCallerIdentity',
] as const;

/**
 * OPTIONAL extras, in a statement of their own so they are easy to leave out: the Spend page's
 * Cost Explorer reads (billed by AWS at 0.01 USD per request; the page caches them per day).
 */
export const OPTIONAL_SPEND_ACTIONS = ['ce:GetCostAndUsage'] as const;
export const OPTIONAL_SPEND_SID = 'AgainConsoleSpendOptional';

/** Actions every console needs whatever the collectors say (verification of the connection). */
const ALWAYS_REQUIRED = ['sts:GetCallerIdentity'];

/**
 * Read-only verbs. `iam:GenerateCredentialReport` is the one exception the credential-report
 * collector needs: it only asks AWS to build a report, it changes no resource.
 */
const READ_ONLY_ACTION =
  /^[a-z0-9-]+:(Describe|List|Get|BatchGet|Filter|Lookup|Search|Head|Select)[A-Za-z0-9*]*$|^iam:GenerateCredentialReport$|^[a-z0-9-]+:(Describe|List|Get)\*$/;

export function isReadOnlyAction(action: string): boolean {
  return READ_ONLY_ACTION.test(action);
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/**
 * The least-privilege policy to attach to the role (or key user) the console reads with. Anything
 * not read-only is left out (and returned in `rejected`) so a collector typo cannot grant writes.
 * The first statement is what collections and the advisor need; the second, marked optional, only
 * the Spend page.
 */
export function buildReadOnlyPolicy(actions: readonly string[]): {
  policy: IamPolicy;
  actions: string[];
  optionalActions: string[];
  rejected: string[];
} {
  const unique = [...new Set([...ALWAYS_REQUIRED, ...actions])].sort();
  const allowed = unique.filter(isReadOnlyAction);
  const optional = [...OPTIONAL_SPEND_ACTIONS];
  return {
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AgainConsoleReadOnly', Effect: 'Allow', Action: allowed, Resource: '*' },
        { Sid: OPTIONAL_SPEND_SID, Effect: 'Allow', Action: optional, Resource: '*' },
      ],
    },
    actions: allowed,
    optionalActions: optional,
    rejected: unique.filter((a) => !isReadOnlyAction(a)),
  };
}

/** The collectors' declared actions when their registry loads; the original policy otherwise. */
export async function loadIamActions(onFallback?: (error: unknown) => void): Promise<() => string[]> {
  try {
    const registry = await import('../collectors/registry.js');
    const actions = registry.requiredIamActions();
    if (actions.length > 0) return () => registry.requiredIamActions();
  } catch (error) {
    onFallback?.(error);
  }
  return () => [...ORIGINAL_PRODUCT_ACTIONS];
}
