// How many public feedback posts one address may make: per form, so that one device cannot flood a
// form, and overall, so that it cannot flood them all. A training room behind one office address posts
// from one address, so the per-form limit leaves room for a whole group. In memory, like the login
// throttle: with several API instances each counts on its own.
import { FailureThrottle, type ThrottleRule } from "../auth/throttle.js";

export class FeedbackThrottle {
  // FailureThrottle counts events in a sliding window per key; here the events are accepted posts.
  private readonly perForm: FailureThrottle;
  private readonly perAddress: FailureThrottle;

  constructor(rules: { perForm: ThrottleRule; perAddress: ThrottleRule }, now: () => number = Date.now) {
    this.perForm = new FailureThrottle(rules.perForm, 50_000, now);
    this.perAddress = new FailureThrottle(rules.perAddress, 50_000, now);
  }

  /**
   * Counts a post from `address` to `formId` and returns 0, or returns the seconds to wait and counts
   * nothing. Check and count happen in one synchronous step, so a burst of parallel posts cannot
   * slip past the limit together.
   */
  take(address: string, formId: string): number {
    const formKey = `${formId} ${address}`;
    const wait = Math.max(this.perForm.retryAfter(formKey), this.perAddress.retryAfter(address));
    if (wait > 0) return wait;
    this.perForm.fail(formKey);
    this.perAddress.fail(address);
    return 0;
  }
}

const MINUTE = 60 * 1000;

export function createFeedbackThrottle(): FeedbackThrottle {
  return new FeedbackThrottle({
    // A group of about 30 answering from one training room fits; a script posting in a loop does not.
    perForm: { maxFailures: 40, windowMs: 10 * MINUTE },
    perAddress: { maxFailures: 100, windowMs: 60 * MINUTE },
  });
}
