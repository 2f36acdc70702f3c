// The back-off `add-reconnect` writes: one place for its numbers, and the JavaScript it generates.

/**
 * The back-off that `add-reconnect` writes, and the only place its numbers live: retry `n` (counting
 * from 0) waits `min(maxDelayMs, initialDelayMs * 2^n)`, less a random share of up to `jitter` of it,
 * so clients cut off together come back spread out. It never gives up.
 */
export const RECONNECT_BACKOFF = { initialDelayMs: 1000, maxDelayMs: 30000, jitter: 0.5 } as const;

/** The range of the delay before retry `retryCount` (0 for the first) under `RECONNECT_BACKOFF`. */
export function backoffDelayRange(retryCount: number): { min: number; max: number } {
  const { initialDelayMs, maxDelayMs, jitter } = RECONNECT_BACKOFF;
  const max = Math.min(maxDelayMs, initialDelayMs * 2 ** retryCount);
  return { min: max * (1 - jitter), max };
}

/**
 * JavaScript for the `RECONNECT_BACKOFF` delay before retry number `retryCount` (an expression's
 * source). `power` writes `2ⁿ`: `**` by default, `Math.pow` for files below ES2016.
 */
export function backoffDelaySource(retryCount: string, power: (base: string, exponent: string) => string = exponentiation): string {
  const { initialDelayMs, maxDelayMs, jitter } = RECONNECT_BACKOFF;
  return `Math.min(${maxDelayMs}, ${initialDelayMs} * ${power('2', retryCount)}) * (1 - ${jitter} * Math.random())`;
}

function exponentiation(base: string, exponent: string): string {
  return `${base} ** ${/^[\w.]+$/.test(exponent) ? exponent : `(${exponent})`}`;
}

/** A random delay for the classic client's `disconnected` restart, spread over the back-off's range. */
export function classicRestartDelaySource(): string {
  const { initialDelayMs, maxDelayMs } = RECONNECT_BACKOFF;
  return `${initialDelayMs} + ${maxDelayMs - initialDelayMs} * Math.random()`;
}
