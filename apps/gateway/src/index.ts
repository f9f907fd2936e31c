export { startGateway, type RunningGateway, type GatewayContext } from './gateway';
export { loadGatewayConfig, DEV_JWT_SECRET, type GatewayConfig } from './config';
export { issueToken, Authenticator, type ViewerClaims } from './auth';
export { measure, queryLimitsPlugin } from './limits';
export {
  composeSupergraph,
  readSubgraphSources,
  publicRootFields,
  apiSchemaOf,
  BUILT_SUPERGRAPH,
  COMMITTED_SUPERGRAPH,
} from './supergraph';
