import type { RateCounter } from './rate-counter.js';

export interface LoginThrottleOptions {
  windowMs?: number;
  /** Failures of one account from one address before delays start. */
  freePerPair?: number;
  /** Failures of one account from all addresses together before delays start (much higher). */
  freePerAccount?: number;
  /** Failures from one address across all accounts before it is refused until the window ends. */
  maxPerAddress?: number;
  /** First delay; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const DEFAULTS: Required<LoginThrottleOptions> = {
  windowMs: 15 * 60_000,
  freePerPair: 3,
  freePerAccount: 50,
  maxPerAddress: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
};

const pairKey = (username: string, address: string) => `login:pair:${username}|${address}`;
const accountKey = (username: string) => `login:account:${username}`;
const addressKey = (address: string) => `login:address:${address}`;

/**
 * Failed sign-ins slow down instead of locking: per account × address, then per account with a
 * much higher ceiling, each past its free failures waiting an exponentially growing delay after
 * the last failure. Someone guessing from their address slows themselves, not the owner signing
 * in from theirs. An address spraying many accounts is refused until its window ends.
 */
export class LoginThrottle {
  private readonly o: Required<LoginThrottleOptions>;

  constructor(
    private readonly counter: RateCounter,
    private readonly now: () => number,
    options: LoginThrottleOptions = {},
  ) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** The delay required after `count` failures when `free` were allowed without one. */
  delayAfter(count: number, free: number): number {
    if (count < free) return 0;
    return Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.min(count - free, 30));
  }

  /** Seconds to wait when this attempt must be refused, else null. Checked BEFORE the password. */
  async check(username: string, address: string): Promise<number | null> {
    const [pair, account, byAddress] = await Promise.all([
      this.counter.peek(pairKey(username, address)),
      this.counter.peek(accountKey(username)),
      this.counter.peek(addressKey(address)),
    ]);
    const now = this.now();
    const waits: number[] = [];
    if (pair) waits.push(pair.lastHitAt + this.delayAfter(pair.count, this.o.freePerPair) - now);
    if (account) waits.push(account.lastHitAt + this.delayAfter(account.count, this.o.freePerAccount) - now);
    if (byAddress && byAddress.count >= this.o.maxPerAddress) {
      waits.push(byAddress.lastHitAt + this.o.windowMs - now);
    }
    const longest = Math.max(0, ...waits);
    return longest > 0 ? Math.max(1, Math.ceil(longest / 1000)) : null;
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const at = this.now();
    await Promise.all([
      this.counter.hit(pairKey(username, address), this.o.windowMs, at),
      this.counter.hit(accountKey(username), this.o.windowMs, at),
      this.counter.hit(addressKey(address), this.o.windowMs, at),
    ]);
  }

  /** The right password clears the account's counts (not the address's: that one sees sprays). */
  async recordSuccess(username: string, address: string): Promise<void> {
    await Promise.all([
      this.counter.reset(pairKey(username, address)),
      this.counter.reset(accountKey(username)),
    ]);
  }
}

export interface AttemptLimitOptions {
  max: number;
  windowMs: number;
}

/** A plain "at most N per window" limit on one kind of attempt per address (e.g. registrations). */
export class AttemptLimit {
  constructor(
    private readonly counter: RateCounter,
    private readonly name: string,
    private readonly now: () => number,
    private readonly options: AttemptLimitOptions,
  ) {}

  /** Counts this attempt; returns seconds to wait when it is over the limit, else null. */
  async hit(address: string): Promise<number | null> {
    const state = await this.counter.hit(`${this.name}:${address}`, this.options.windowMs, this.now());
    if (state.count <= this.options.max) return null;
    return Math.max(1, Math.ceil(this.options.windowMs / 1000));
  }
}
