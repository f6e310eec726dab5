// Calls to the /v1 API with the analyst's API key (kept in sessionStorage: this tab only, gone when it
// closes). A 401/403 is announced to the whole app, which asks for a key or explains the refusal.
const KEY_STORAGE = 'interdict.apiKey';

export function getKey(): string {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export function setKey(key: string): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  window.dispatchEvent(new CustomEvent('interdict:key'));
}

export interface AuthProblem {
  status: 401 | 403;
  detail: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** `{"detail": "..."}` or FastAPI's list of validation problems, as one sentence. */
function detailText(body: unknown, fallback: string): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) return detail.map((d) => (d as { msg?: string }).msg ?? JSON.stringify(d)).join('; ');
  return fallback;
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = getKey();
  if (key) headers.set('authorization', `Bearer ${key}`);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiFailure(0, 'The server cannot be reached. Is `interdict serve` running?');
  }
  if (res.ok) return res;
  const body = await res.json().catch(() => null);
  const detail = detailText(body, `${res.status} ${res.statusText}`);
  if (res.status === 401 || res.status === 403) window.dispatchEvent(new CustomEvent<AuthProblem>('interdict:auth', { detail: { status: res.status, detail } }));
  throw new ApiFailure(res.status, detail);
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

export async function postJson<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method: 'POST' };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return (await request(path, init)).json() as Promise<T>;
}

export async function postText<T>(path: string, text: string, contentType: string): Promise<T> {
  return (await request(path, { method: 'POST', body: text, headers: { 'content-type': contentType } })).json() as Promise<T>;
}

export async function getText(path: string): Promise<string> {
  return (await request(path, { headers: { accept: 'text/html' } })).text();
}

/** Query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
