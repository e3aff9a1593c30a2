import { LRUCache } from 'lru-cache';

export interface LoginThrottleOptions {
  windowMs?: number;
  /** Failures per account within the window before further attempts are refused. */
  maxPerAccount?: number;
  /** Failures per client address (across accounts) within the window. */
  maxPerAddress?: number;
  now?: () => number;
}

/**
 * Counts failed logins per account and per address in a sliding window. In memory (one server
 * process); bounded by an LRU so an attacker spraying names cannot grow it without limit.
 */
export class LoginThrottle {
  private readonly failures = new LRUCache<string, number[]>({ max: 50_000 });
  private readonly windowMs: number;
  private readonly maxPerAccount: number;
  private readonly maxPerAddress: number;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.maxPerAccount = options.maxPerAccount ?? 5;
    this.maxPerAddress = options.maxPerAddress ?? 20;
    this.now = options.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  private retryAfter(times: number[], max: number): number {
    // Allowed again once enough old failures have left the window.
    const oldestThatMustExpire = times[times.length - max] ?? this.now();
    return Math.max(1, Math.ceil((oldestThatMustExpire + this.windowMs - this.now()) / 1000));
  }

  /** Seconds to wait when this attempt must be refused, else null. Checked BEFORE the password. */
  check(username: string, address: string): number | null {
    const byAccount = this.recent(`u:${username}`);
    const byAddress = this.recent(`a:${address}`);
    const waits: number[] = [];
    if (byAccount.length >= this.maxPerAccount) waits.push(this.retryAfter(byAccount, this.maxPerAccount));
    if (byAddress.length >= this.maxPerAddress) waits.push(this.retryAfter(byAddress, this.maxPerAddress));
    return waits.length ? Math.max(...waits) : null;
  }

  recordFailure(username: string, address: string): void {
    const t = this.now();
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), t]);
  }

  /** A successful login clears the account's count (not the address's: that one sees sprays). */
  recordSuccess(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}
