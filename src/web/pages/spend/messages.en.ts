/**
 * English text of the Spend page, mounted at `spend.*` by src/web/i18n/en.ts; `spendErrorsEn` is
 * spread into `errors.*` (the API client translates error codes from there).
 */
export const spendEn = {
  title: 'Spend',
  intro:
    'Monthly AWS spend from Cost Explorer, the change from the previous month, and the Service Advisor’s estimated savings beside each service.',
  connection: 'AWS connection',
  groupBy: 'Group by',
  byService: 'Service',
  byTag: 'Cost allocation tag',
  tagKey: 'Tag key',
  tagKeyHelp: 'A cost allocation tag activated in the Billing console, such as team or Environment.',
  show: 'Show',
  fetchedAt: 'Fetched from Cost Explorer {{date}}',
  costNote:
    'Kept for the rest of the day (UTC): every Cost Explorer request costs 0.01 USD. This answer took {{requests}}.',
  requests_one: '{{count}} request',
  requests_other: '{{count}} requests',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  refreshAfter: 'Refresh possible from {{date}}',
  downloadCsv: 'Download CSV',
  chartTitle: 'Monthly spend by service (USD)',
  chartTitleTag: 'Monthly spend by tag {{key}} (USD)',
  chartOthers: 'Other',
  caption: 'Spend per month in USD (unblended cost, credits and refunds left out)',
  serviceColumn: 'Service',
  tagColumn: 'Tag {{key}}',
  monthToDate: '{{month}} to date',
  estimated: 'estimated',
  changeColumn: 'vs previous month',
  savingsColumn: 'Advisor savings / month',
  untagged: '(no tag)',
  total: 'Total',
  noPercent: 'new',
  savingsHelp: 'Open savings from the latest Service Advisor run of each service on this connection.',
  noAdvisorRun: 'Run the Service Advisor on this connection to see savings beside each service.',
  noCosts: 'Cost Explorer reported no spend in these months.',
  noConnectionTitle: 'Connect an AWS account first',
  noConnectionBody:
    'The Spend page reads Cost Explorer through an AWS connection that may call ce:GetCostAndUsage.',
  openSettings: 'Open Settings → AWS access',
};

export const spendErrorsEn = {
  spend_access_denied:
    'This AWS connection may not read Cost Explorer: allow ce:GetCostAndUsage (the optional statement AgainConsoleSpendOptional in Settings → IAM policy).',
  spend_not_enabled:
    'Cost Explorer is not enabled for this account. Enable it in the Billing console; data appears within 24 hours.',
  spend_data_unavailable: 'Cost Explorer has no data for this account yet.',
  spend_refresh_too_soon:
    'These figures are less than an hour old. Each refresh is a paid Cost Explorer request, so it is allowed once an hour.',
  spend_daily_limit:
    'This connection has reached today’s Cost Explorer limit (24 answers). Figures already fetched are still shown; try again tomorrow (UTC).',
  spend_aws_throttled: 'Cost Explorer is busy. Try again in a minute.',
  spend_connection_failed: 'The AWS connection could not sign in. Check it in Settings → AWS access.',
  spend_aws_unreachable: 'Cost Explorer cannot be reached. Try again later.',
  spend_aws_error: 'Cost Explorer refused the request.',
  tag_key_invalid: 'Use up to 128 letters, digits, spaces and _ . : / = + - @.',
  tag_key_required: 'Enter a tag key.',
};
