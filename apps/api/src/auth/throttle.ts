// Failed-login throttling, per account and per address, so that guessing is slow whichever one an
// attacker varies. Unknown accounts are throttled exactly like known ones: the answer never reveals
// whether an account exists. Kept in memory: with several API instances each throttles on its own
// (a shared store is the step after one machine).

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.rule.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.rule.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, recent.slice(-this.rule.maxFailures));
    // Bounded memory: forget the least recently failing keys first (Map keeps insertion order).
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.rule.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}

export interface LoginThrottle {
  account: FailureThrottle;
  address: FailureThrottle;
}

export function createLoginThrottle(): LoginThrottle {
  return {
    account: new FailureThrottle({ maxFailures: 5, windowMs: 15 * 60 * 1000 }),
    address: new FailureThrottle({ maxFailures: 30, windowMs: 15 * 60 * 1000 }),
  };
}
