export { startGateway, type RunningGateway, type GatewayContext, type GatewayRoutes } from './gateway';
export { loadGatewayConfig, DEV_JWT_SECRET, type GatewayConfig } from './config';
export { issueToken, Authenticator, type ViewerClaims } from './auth';
export { QueryMeasurer, unsizedListFields, type ListSizes, type Measure } from './limits';
export { normalizeError } from './errors';
export { TrustedDocumentStore, readManifest, sha256 } from './trusted-documents';
export {
  composeSupergraph,
  readSubgraphSources,
  readListSizes,
  listSizeProblems,
  publicRootFields,
  apiSchemaOf,
  subgraphsOf,
  BUILT_SUPERGRAPH,
  COMMITTED_SUPERGRAPH,
} from './supergraph';
