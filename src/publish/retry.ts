/**
 * Retries with exponential backoff for the publisher's requests. Only transient failures are retried
 * (5xx, throttling, timeouts, dropped connections); a wrong key or a missing bucket fails at once.
 *   await withRetry(() => bucket.put(file), { attempts: 5, baseDelayMs: 200 })
 * waits about 0.2 s, 0.4 s, 0.8 s, 1.6 s (with jitter) between the five attempts.
 */
import { setTimeout as sleep } from "node:timers/promises";

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  /** Called before each new attempt, for the summary. */
  onRetry?: (error: unknown, attempt: number) => void;
}

const TRANSIENT_NAMES = new Set([
  "SlowDown",
  "ServiceUnavailable",
  "InternalError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ThrottlingException",
  "TimeoutError",
]);
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/** Whether an S3 client error is worth another attempt. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  return Boolean(e.$retryable) || TRANSIENT_NAMES.has(e.name) || TRANSIENT_CODES.has(e.code ?? "");
}

export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= options.attempts || !isTransient(error)) throw error;
      options.onRetry?.(error, attempt);
      const delay = Math.min(options.baseDelayMs * 2 ** (attempt - 1), 10_000);
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
