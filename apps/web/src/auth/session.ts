/** The signed-in user: a bearer token and who it is for. */
export interface Session {
  token: string;
  /** Demo role key (development sign-in) or the OIDC subject. */
  key: string;
  name: string;
  roles: string[];
  enterpriseId?: string;
  departmentId?: string;
  regionCode?: string;
  /** The refusal sign-off role held in the department (SECTION_CHIEF, LEADER_IN_CHARGE, DEPARTMENT_HEAD). */
  signOffRole?: string;
}

const KEY = 'sfw.session';
let current: Session | null = null;
const listeners = new Set<() => void>();

/** Kept in memory; in development also in sessionStorage, so a reload keeps the demo sign-in. */
export function getSession(): Session | null {
  if (current) return current;
  try {
    const raw = sessionStorage.getItem(KEY);
    current = raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    current = null;
  }
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable (private mode): memory only */
  }
  for (const l of listeners) l();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const hasRole = (s: Session | null, ...roles: string[]): boolean =>
  !!s && s.roles.some((r) => roles.includes(r));

/** Which workspace a user lands in: enterprises the portal, everyone else the desk. */
export const homeOf = (s: Session): string => (hasRole(s, 'enterprise') ? '/portal' : '/desk');

/*
 * Drafts (what the user was typing): kept in sessionStorage on every change, so a 401 that
 * sends the user to sign-in loses nothing; removed once the form is sent.
 */
const DRAFT = 'sfw.draft.';

export function loadDraft<T>(name: string): T | null {
  try {
    const raw = sessionStorage.getItem(DRAFT + name);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(name: string, value: unknown): void {
  try {
    sessionStorage.setItem(DRAFT + name, JSON.stringify(value));
  } catch {
    /* ignore */
  }
}

export function clearDraft(name: string): void {
  try {
    sessionStorage.removeItem(DRAFT + name);
  } catch {
    /* ignore */
  }
}
