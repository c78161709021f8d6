/**
 * Same-origin calls through the gateway (a backend-for-frontend): the browser carries the session
 * cookie; writes carry the CSRF token from the XSRF-TOKEN cookie as X-XSRF-TOKEN. Errors are
 * RFC 9457 problem+json, turned into ApiError with its field errors.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `Error ${status}`;
    const detail = typeof body.detail === 'string' ? body.detail : describeStatus(status);
    super(detail);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(body.errors)
      ? (body.errors as unknown[]).filter(isFieldError)
      : [];
    this.body = body;
  }

  /** The session ended (or never began): the person must sign in again. */
  get signedOut(): boolean {
    return this.status === 401;
  }
}

function isFieldError(e: unknown): e is FieldError {
  return typeof e === 'object' && e !== null && typeof (e as FieldError).message === 'string';
}

export function describeStatus(status: number): string {
  switch (status) {
    case 401: return 'Your session has ended. Sign in again to carry on.';
    case 403: return 'You are not allowed to do this.';
    case 404: return 'This page or record does not exist.';
    case 409: return 'This conflicts with something that already exists.';
    case 412: return 'Someone else changed this while you were working on it. Reload the page and try again.';
    case 428: return 'Reload the page and try again.';
    case 503: return 'A Waypoint service is not answering just now. Please try again in a minute.';
    default: return status >= 500 ? 'Sorry, something went wrong on our side. Please try again later.' : 'The request was not accepted.';
  }
}

export function csrfToken(): string | undefined {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined;
}

export interface Versioned<T> {
  body: T;
  etag: string | null;
}

async function problem(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = {};
    }
  }
  return new ApiError(response.status, body);
}

function unreachable(): ApiError {
  return new ApiError(0, { title: 'Not reachable', detail: 'Waypoint could not be reached. Check your connection and try again.' });
}

export async function getVersioned<T>(path: string): Promise<Versioned<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await problem(response);
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
    // A sign-in page instead of JSON: the session ended and the gateway redirected.
    throw new ApiError(401, {});
  }
  return { body: (await response.json()) as T, etag: response.headers.get('ETag') };
}

export async function get<T>(path: string): Promise<T> {
  return (await getVersioned<T>(path)).body;
}

export interface SendOptions {
  ifMatch?: string | null;
}

export async function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown | FormData,
  options: SendOptions = {}): Promise<Versioned<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await problem(response);
  const text = await response.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('ETag') };
}

/** A query string from the values that are set. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Who is signed in (the gateway's GET /me): name, email and manager when Keycloak has them. */
export interface Me {
  username: string;
  name?: string | null;
  email?: string | null;
  authorities: string[];
  serviceAreas?: string[];
  manager?: string | null;
}

export function roles(me: Me | null): Set<string> {
  return new Set((me?.authorities ?? []).filter((a) => a.startsWith('ROLE_')).map((a) => a.substring(5)));
}

export function isManager(me: Me | null): boolean {
  const r = roles(me);
  return r.has('manager') || r.has('performance-officer') || r.has('admin');
}

export function mayWrite(me: Me | null): boolean {
  const r = roles(me);
  return !(r.size > 0 && [...r].every((x) => x === 'auditor' || x === 'integrator'));
}
