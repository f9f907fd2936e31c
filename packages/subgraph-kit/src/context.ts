import type { Viewer } from '@sfw/shared-types';
import type { Logger } from './logger';
import { Loaders } from './loaders';

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
  return { requestId, viewer, loaders: new Loaders(), logger: logger.child({ requestId }), services };
}
