/** Words for a failed `fetch` of a metrics endpoint, as the samplers' notices and warnings give them. */

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:1`, `no response in time`, or the error's own message. */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch wraps the socket error (ECONNREFUSED, ...) as its cause; that is the informative part.
  const cause = error.cause;
  if (cause instanceof Error) return `${error.message}: ${cause.message}`;
  if (error.name === 'TimeoutError') return 'no response in time';
  return error.message;
}
