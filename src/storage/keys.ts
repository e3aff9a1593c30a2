import { assertValidSegment } from './key-validation.js';

/**
 * The ONLY module that knows the storage key layout (SPEC "Storage layout"). Every component is
 * validated as a single segment so user input can never escape its prefix. Others may add keys.
 *
 *   users/{username}/profile.json
 *   users/{username}/connections.json
 *   users/{username}/collections/{collectionId}/metadata.json
 *   users/{username}/collections/{collectionId}/{service}.json
 *   users/{username}/collections/{collectionId}/index/resources.json (search index, create-only)
 *   users/{username}/collection-units/{collectionId}/plan.json, {unit}/{outcome|service}.json
 *     (work documents of a collection split into units; deleted once it is final)
 *   service_advisor/history/{username}/{service}/{timestamp}.json
 *   users/{username}/advisor/runs/{runId}.json, advisor/mutes.json, advisor/settings.json
 *   users/{username}/api-tokens.json, api-tokens/{tokenId}.json (owner index)
 *   users/{username}/session-epoch.json, users/{username}/audit.json
 *   auth/sessions/{sha256 of session id}.json, auth/counters/{sha256 of key}.json
 *   auth/invites/{sha256 of code}.json, auth/admin.json
 *   users/{username}/notify/channels.json, notify/rules.json, notify/deliveries/{deliveryId}.json
 *   notify-held/{username}/{deliveryId}.json (deliveries waiting for the end of quiet hours)
 *   schedules/{username}/{scheduleId}.json (one prefix for every user: the scheduler lists it)
 *   schedule-runs/{username}/{scheduleId}/{tick}.json (create-only claim = history of a schedule)
 *   users/{username}/spend/{connectionId}/{YYYY-MM-DD}.json (Cost Explorer answers of one UTC day)
 *   users/{username}/indexes/collections.json, indexes/advisor-runs.json (latest per service × region, CAS),
 *     indexes/advisor-rollup.json (those runs' compact figures, CAS)
 *   users/{username}/orgs/{connectionId}/directory.json (an organization's OU tree, accounts, role checks)
 *   users/{username}/orgs/{connectionId}/refresh.json (the last or running refresh: state, progress, error)
 *   users/{username}/scans/{scanId}.json (one advisor run per account of an organization, grouped)
 *   scan-starts/{username}/{scanId}.json (a scan whose fan-out job has not finished: start-up recovery)
 */

function seg(value: string, what: string): string {
  assertValidSegment(value, what);
  return value;
}

/** ISO timestamps carry ':' which keys do not allow; '-' keeps lexical order = time order. */
export function timestampSegment(timestamp: string | Date): string {
  const iso = typeof timestamp === 'string' ? timestamp : timestamp.toISOString();
  return seg(iso.replaceAll(':', '-'), 'timestamp');
}

const ADVISOR_RUN =
  /^service_advisor\/history\/[^/]+\/[^/]+\/(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d+)?Z)\.json$/;
const COLLECTION_SERVICE_DOC = /^users\/[^/]+\/collections\/[^/]+\/(?!metadata\.json$)[^/]+\.json$/;
const COLLECTION_SEARCH_INDEX = /^users\/[^/]+\/collections\/[^/]+\/index\/resources\.json$/;

export const keys = {
  profile: (username: string) => `users/${seg(username, 'username')}/profile.json`,
  /** All AWS connections of one user in one document, so "exactly one default" is one CAS write. */
  connections: (username: string) => `users/${seg(username, 'username')}/connections.json`,
  /** What discovery found in an organization connection's organization (replaced whole on refresh). */
  orgDirectory: (username: string, connectionId: string) =>
    `users/${seg(username, 'username')}/orgs/${seg(connectionId, 'connection id')}/directory.json`,
  orgRefresh: (username: string, connectionId: string) =>
    `users/${seg(username, 'username')}/orgs/${seg(connectionId, 'connection id')}/refresh.json`,
  scansPrefix: (username: string) => `users/${seg(username, 'username')}/scans/`,
  scanRecord: (username: string, scanId: string) =>
    `${keys.scansPrefix(username)}${seg(scanId, 'scan id')}.json`,
  scanStartsPrefix: () => 'scan-starts/',
  scanStart: (username: string, scanId: string) =>
    `scan-starts/${seg(username, 'username')}/${seg(scanId, 'scan id')}.json`,
  collectionsPrefix: (username: string) => `users/${seg(username, 'username')}/collections/`,
  collectionPrefix: (username: string, collectionId: string) =>
    `users/${seg(username, 'username')}/collections/${seg(collectionId, 'collection id')}/`,
  collectionMetadata: (username: string, collectionId: string) =>
    `${keys.collectionPrefix(username, collectionId)}metadata.json`,
  collectionService: (username: string, collectionId: string, service: string) =>
    `${keys.collectionPrefix(username, collectionId)}${seg(service, 'service')}.json`,
  /** The compact search index of a finished collection (ids, names, regions, tags), written once. */
  collectionSearchIndex: (username: string, collectionId: string) =>
    `${keys.collectionPrefix(username, collectionId)}index/resources.json`,
  /** A running collection's units (plan, each unit's outcome and records): not part of the snapshot. */
  collectionUnitsPrefix: (username: string, collectionId: string) =>
    `users/${seg(username, 'username')}/collection-units/${seg(collectionId, 'collection id')}/`,
  collectionPlan: (username: string, collectionId: string) =>
    `${keys.collectionUnitsPrefix(username, collectionId)}plan.json`,
  collectionUnitDocument: (username: string, collectionId: string, unit: string, name: string) =>
    `${keys.collectionUnitsPrefix(username, collectionId)}${seg(unit, 'unit')}/${seg(name, 'document')}.json`,
  advisorPrefix: (username: string, service?: string) =>
    `service_advisor/history/${seg(username, 'username')}/${service === undefined ? '' : `${seg(service, 'service')}/`}`,
  advisorRun: (username: string, service: string, timestamp: string | Date) =>
    `${keys.advisorPrefix(username, service)}${timestampSegment(timestamp)}.json`,
  /** Advisor run records (status, phase, collection used) — one per run, beside the history files. */
  advisorRunsPrefix: (username: string) => `users/${seg(username, 'username')}/advisor/runs/`,
  advisorRunRecord: (username: string, runId: string) =>
    `${keys.advisorRunsPrefix(username)}${seg(runId, 'run id')}.json`,
  /** A user's mute rules and their audit trail (one document: CAS keeps concurrent edits). */
  advisorMutes: (username: string) => `users/${seg(username, 'username')}/advisor/mutes.json`,
  /** A user's check threshold overrides. */
  advisorSettings: (username: string) => `users/${seg(username, 'username')}/advisor/settings.json`,
  /** A user's API tokens (hashed secrets) in one document, so create/revoke are one CAS write. */
  apiTokens: (username: string) => `users/${seg(username, 'username')}/api-tokens.json`,
  /** Token id → owner: a bearer token names its id, this says whose document holds its hash. */
  apiTokenOwner: (tokenId: string) => `api-tokens/${seg(tokenId, 'token id')}.json`,
  /** A signed-in session, by the SHA-256 of its id (the id itself is never stored). */
  authSession: (idHash: string) => `auth/sessions/${seg(idHash, 'session hash')}.json`,
  authSessionsPrefix: 'auth/sessions/',
  /** A user's session generation: raising it signs out every older session. */
  sessionEpoch: (username: string) => `users/${seg(username, 'username')}/session-epoch.json`,
  /** A throttle counter, by the SHA-256 of its key (names and addresses stay out of keys). */
  authCounter: (keyHash: string) => `auth/counters/${seg(keyHash, 'counter hash')}.json`,
  /** A registration invite, by the SHA-256 of its code. */
  invite: (codeHash: string) => `auth/invites/${seg(codeHash, 'invite hash')}.json`,
  invitesPrefix: 'auth/invites/',
  /** Created once, create-only, by the first user of an invite-only server: the admin. */
  adminMarker: 'auth/admin.json',
  /** A user's own audit events (the newest few hundred), shown in Settings. */
  auditEvents: (username: string) => `users/${seg(username, 'username')}/audit.json`,
  /** A user's notification channels (secrets sealed) in one document: CAS keeps concurrent edits. */
  notifyChannels: (username: string) => `users/${seg(username, 'username')}/notify/channels.json`,
  notifyRules: (username: string) => `users/${seg(username, 'username')}/notify/rules.json`,
  notifyDeliveriesPrefix: (username: string) => `users/${seg(username, 'username')}/notify/deliveries/`,
  notifyDelivery: (username: string, deliveryId: string) =>
    `${keys.notifyDeliveriesPrefix(username)}${seg(deliveryId, 'delivery id')}.json`,
  /** Deliveries held by quiet hours, of every user under one prefix: a sweep releases the due ones. */
  notifyHeldPrefix: () => 'notify-held/',
  notifyHeld: (username: string, deliveryId: string) =>
    `notify-held/${seg(username, 'username')}/${seg(deliveryId, 'delivery id')}.json`,
  /** Deliveries being sent, of every user: a sweep finds the ones whose process died mid-delivery. */
  notifySendingPrefix: () => 'notify-sending/',
  notifySending: (username: string, deliveryId: string) =>
    `notify-sending/${seg(username, 'username')}/${seg(deliveryId, 'delivery id')}.json`,
  /** Every user's schedules under one prefix, so a scheduler process finds them with one list. */
  schedulesPrefix: (username?: string) =>
    `schedules/${username === undefined ? '' : `${seg(username, 'username')}/`}`,
  schedule: (username: string, scheduleId: string) =>
    `${keys.schedulesPrefix(username)}${seg(scheduleId, 'schedule id')}.json`,
  scheduleRunsPrefix: (username: string, scheduleId: string) =>
    `schedule-runs/${seg(username, 'username')}/${seg(scheduleId, 'schedule id')}/`,
  /** Create-only claim of one cron tick: the one process that writes it starts the run. */
  scheduleRun: (username: string, scheduleId: string, tick: string | Date) =>
    `${keys.scheduleRunsPrefix(username, scheduleId)}${timestampSegment(tick)}.json`,
  /** A connection's cached Cost Explorer answers, one document per UTC day (every grouping in it). */
  spendPrefix: (username: string, connectionId: string) =>
    `users/${seg(username, 'username')}/spend/${seg(connectionId, 'connection id')}/`,
  spendDay: (username: string, connectionId: string, day: string) =>
    `${keys.spendPrefix(username, connectionId)}${seg(day, 'day')}.json`,
  /** The latest finished collection of each connection × service × region (src/storage/coverage-index.ts). */
  collectionsCoverageIndex: (username: string) =>
    `users/${seg(username, 'username')}/indexes/collections.json`,
  /** The latest completed advisor run of each connection × service × region. */
  advisorRunsCoverageIndex: (username: string) =>
    `users/${seg(username, 'username')}/indexes/advisor-runs.json`,
  /** The compact figures of the runs named by the coverage index (the organization roll-up). */
  advisorRollupIndex: (username: string) => `users/${seg(username, 'username')}/indexes/advisor-rollup.json`,
  /** The ISO timestamp of an advisorRun key, or null when the key is not one. */
  advisorRunTimestamp(key: string): string | null {
    const m = ADVISOR_RUN.exec(key);
    return m ? `${m[1]}:${m[2]}:${m[3]}` : null;
  },
  /**
   * Keys whose content never changes once written, so a cache may serve them without asking
   * storage: a collection's per-service snapshot documents (written once, create-only, before
   * the collection is marked finished), its search index (create-only) and advisor history runs. metadata.json, profiles and
   * connections change and are never cached.
   */
  isImmutable: (key: string): boolean =>
    COLLECTION_SERVICE_DOC.test(key) || COLLECTION_SEARCH_INDEX.test(key) || ADVISOR_RUN.test(key),
};
