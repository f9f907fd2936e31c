import type { Viewer } from '@sfw/shared-types';
import type { Logger } from './logger';
import { Loaders } from './loaders';
import { currentRequest } from './request-context';

/** What every resolver receives. `S` is the service's own container of domain services. */
export interface KitContext<S = unknown> {
  requestId: string;
  viewer: Viewer | null;
  loaders: Loaders;
  logger: Logger;
  services: S;
}

export function createContext<S>(
  requestId: string,
  viewer: Viewer | null,
  logger: Logger,
  services: S,
): KitContext<S> {
  // Inside the request's scope every line gets the id already (the logger's mixin); binding it
  // again would write the key twice.
  const bound = currentRequest()?.requestId === requestId ? logger : logger.child({ requestId });
  return { requestId, viewer, loaders: new Loaders(), logger: bound, services };
}
