import { ApiError, STATION_UNREACHABLE } from "./api-error.js";

export interface HttpClientOptions {
  /** Prefix of every path; empty for same-origin calls. */
  readonly baseUrl?: string;
  /** The bearer token of the current session, if any. */
  readonly getToken: () => string | null;
  /** The UI language, sent as Accept-Language so error messages come back in it. */
  readonly getLanguage: () => string;
  /** Called when the service answers 401 UNAUTHENTICATED (the session expired or was closed). */
  readonly onUnauthenticated?: () => void;
  /** Milliseconds before a call is given up; the station is local, so this is short. */
  readonly timeoutMs?: number;
}

export interface HttpClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

interface ErrorShape {
  error?: { code?: unknown; message?: unknown };
}

async function readError(response: Response): Promise<ApiError> {
  let body: ErrorShape = {};
  try {
    body = (await response.json()) as ErrorShape;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status line.
  }
  const code = typeof body.error?.code === "string" ? body.error.code : `HTTP_${response.status}`;
  const message = typeof body.error?.message === "string" ? body.error.message : response.statusText;
  return new ApiError(response.status, code, message);
}

/** A small JSON client for the services' `{ error: { code, message } }` convention. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = options.baseUrl ?? "";
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { "Accept-Language": options.getLanguage() };
    const token = options.getToken();
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers,
        credentials: "same-origin",
        signal: AbortSignal.timeout(timeoutMs),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, STATION_UNREACHABLE, "");
    }
    if (!response.ok) {
      const error = await readError(response);
      if (response.status === 401 && error.code === "UNAUTHENTICATED") options.onUnauthenticated?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }

  return {
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body ?? {}),
    patch: (path, body) => request("PATCH", path, body),
    delete: (path) => request("DELETE", path),
  };
}
