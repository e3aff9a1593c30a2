/** The state of one counter: hits in the current window and when the last one happened. */
export interface CounterState {
  count: number;
  /** Epoch milliseconds of the latest hit (the caller's clock). */
  lastHitAt: number;
}

/**
 * The counter port (login throttle, registration limits): fixed windows that start at the first
 * hit and expire `windowMs` later. Keys are the caller's (`login:pair:alice|10.0.0.1`); adapters
 * store them hashed, so addresses and names do not sit in storage keys.
 */
export interface RateCounter {
  readonly kind: 'embedded' | 'redis';
  /** Adds one hit at `at` and returns the new state. */
  hit(key: string, windowMs: number, at: number): Promise<CounterState>;
  /** The current state, or null when the key has no hits in a live window. */
  peek(key: string): Promise<CounterState | null>;
  reset(key: string): Promise<void>;
}
