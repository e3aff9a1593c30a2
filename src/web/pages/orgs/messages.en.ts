/**
 * Text of organization connections: the organization option of Settings → AWS access (`orgs.form`)
 * and the organization accounts page (`orgs.*`). `orgsErrorsEn` is spread into `errors.*`.
 */
export const orgsEn = {
  form: {
    option: 'This is the management (or a delegated-administrator) account of an organization',
    optionHelp:
      'The console then lists the organization’s accounts and reaches each member through a read-only member role.',
    memberRoleName: 'Member role name',
    memberRoleNameHelp: 'The role every member account has, deployed from the member role template.',
    externalId: 'Member role External ID',
    externalIdHelp: 'Leave empty to use your own External ID, shown in the role setup panel above.',
    editTitle: 'Organization settings of “{{name}}”',
    edit: 'Organization settings',
    save: 'Save',
    saving: 'Saving…',
    saved: 'The organization settings of “{{name}}” were saved.',
    turnedOff: '“{{name}}” is now a single account again.',
  },
  badge: 'Organization',
  viewAccounts: 'Accounts',
  viewAccountsOf: 'Accounts of the organization “{{name}}”',
  title: 'Organization accounts',
  back: 'Back to AWS access',
  notOrganization:
    'This connection is not an organization connection. Turn the organization option on in its settings first.',
  organizationId: 'Organization',
  managementAccount: 'Management account',
  discoveredAt: 'Last discovery',
  counts: {
    accounts: 'Accounts',
    active: 'Active',
    suspended: 'Suspended',
    roleOk: 'Member role OK',
    roleFailed: 'Member role failed',
  },
  refresh: 'Refresh',
  refreshing: 'Reading the organization… this can take a while for large organizations.',
  refreshed: 'Discovery finished: {{accounts}} accounts, member role failed in {{failed}}.',
  refreshProgress: '{{accounts}} accounts found, member roles checked: {{checked}} of {{total}}.',
  refreshFailed: 'The last refresh failed. {{reason}}',
  emptyTitle: 'The organization has not been read yet',
  emptyBody:
    'First deploy the member role in every member account with the member role template (Settings → AWS access), then press Refresh: the console lists the OU tree and every account, and checks that the member role works in each.',
  templateLink: 'Open the member role template',
  units: 'Organizational units',
  allUnits: 'All accounts',
  search: 'Search',
  searchPlaceholder: 'Name, account ID or email',
  status: 'Status',
  role: 'Member role',
  any: 'Any',
  statuses: { ACTIVE: 'Active', SUSPENDED: 'Suspended', PENDING_CLOSURE: 'Closing' },
  roleStates: { ok: 'OK', failed: 'Failed', skipped: 'Skipped', unchecked: 'Not checked' },
  skippedSuspended: 'Skipped: the account is suspended',
  management: 'The connection itself',
  table: {
    caption: 'Accounts of the organization',
    name: 'Name',
    id: 'Account ID',
    email: 'Email',
    ouPath: 'OU path',
    status: 'Status',
    role: 'Member role',
    actions: 'Actions',
    checkAgain: 'Check again',
    checking: 'Checking…',
    details: 'Details',
    none: 'No account matches these filters.',
    range: '{{from}}–{{to}} of {{total}}',
    pagination: 'Pages of accounts',
    previous: 'Previous',
    next: 'Next',
  },
  checked: 'Checked the member role of {{name}}: {{state}}.',
};

export const orgsErrorsEn = {
  member_role_name_invalid:
    'Enter an IAM role name (letters, digits and +=,.@_- ; an optional path like audit/Name).',
  external_id_invalid: 'Use 2–1224 characters: letters, digits and +=,.@:/_-.',
  organization_access_denied:
    'AWS refused to list the organization. Connect the management account or a delegated administrator for AWS Organizations.',
  not_in_organization: 'This AWS account is not part of an organization.',
  organization_not_discovered:
    'The organization has not been read yet: refresh it on its accounts page (Settings → AWS access).',
  ou_not_found: 'This organizational unit is not in the organization (any more). Refresh the organization.',
  account_suspended: 'This account is suspended: its member role is not checked.',
  account_not_in_organization: 'This account is not in the organization (any more).',
  account_id_invalid: 'An account ID has 12 digits.',
  ou_id_invalid: 'This is not an organizational unit ID.',
  not_an_organization:
    'This connection is a single account. Turn the organization option on in its settings first.',
  refresh_interrupted: 'The refresh stopped before it finished (the server restarted). Press Refresh again.',
  refresh_failed: 'The organization could not be read. Press Refresh to try again.',
};
