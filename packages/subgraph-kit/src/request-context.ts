import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What is known about the HTTP request being handled, wherever the code runs on its behalf. */
export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Run `fn` (and everything it starts) as part of a request; see `currentRequest`. */
export function runInRequest<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request being handled, or undefined outside a request (startup, relay, consumers). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * Run `fn` outside any request: background work a request merely wakes (the outbox relay) must
 * not carry that request's id into its own logs.
 */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Ids as the gateway sends them (UUIDs) or other tracing ids; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a plausible id, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
