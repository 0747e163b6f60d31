/** `token=…` in a URL's query (`GET /api/events?token=…`, for EventSource, which sends no headers). */
const TOKEN_IN_QUERY = /([?&]token=)[^&#\s'"]*/gi;

/** `text` (a URL, or a message quoting one) with any token in a query replaced, fit for the log. */
export function withoutSecrets(text: string): string {
  return text.replace(TOKEN_IN_QUERY, "$1[redacted]");
}
