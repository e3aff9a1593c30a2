/** Where an organization connection's accounts are listed (Settings → AWS access → its accounts). */
export const orgAccountsPath = (connectionId: string) =>
  `/settings/aws/orgs/${encodeURIComponent(connectionId)}`;
