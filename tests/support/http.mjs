/**
 * One JSON call: resolves to `{ status, body }` (body parsed when JSON).
 * @param {string} baseUrl
 * @param {string} method
 * @param {string} path
 * @param {{ body?: unknown, token?: string, timeoutMs?: number }} [options]
 */
export async function call(baseUrl, method, path, options = {}) {
  const headers = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** Like `call`, but throws unless the status is 2xx; resolves to the body. */
export async function ok(baseUrl, method, path, options = {}) {
  const { status, body } = await call(baseUrl, method, path, options);
  if (status < 200 || status >= 300) {
    throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
  return body;
}

/** Logs in and resolves to the token. */
export async function login(baseUrl, username, password, mode) {
  const body = await ok(baseUrl, "POST", "/api/login", {
    body: mode ? { username, password, mode } : { username, password },
  });
  return body.token;
}

/** Polls `check` every `everyMs` until it returns something truthy; throws after `timeoutMs`. */
export async function waitFor(check, { timeoutMs = 10_000, everyMs = 25, what = "condition" } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
