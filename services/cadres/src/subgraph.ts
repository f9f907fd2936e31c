import 'reflect-metadata';
import { accessRules } from './access-rules';
import { buildFederatedSchema, type SubgraphDefinition } from '@sfw/subgraph-kit';
import { readScope } from './access';
import { CadreResolver, visibleCadre } from './cadre/cadre.resolver';
import { CadreService } from './cadre/cadre.service';
import { Divisions } from './common';
import { loadCadresSettings } from './config';
import type { CadresServices, Context } from './context';
import { CoverageResolver } from './coverage/coverage.resolver';
import { CoverageService } from './coverage/coverage.service';
import { DepartmentResolver, loadDepartment } from './department/department.resolver';
import { DepartmentService } from './department/department.service';
import { EnterpriseProjection } from './enterprise/enterprise.projection';
import { EnterpriseFieldsResolver, enterpriseReference } from './enterprise/enterprise.resolver';
import {
  loadServiceGroup,
  ServiceGroupCallResolver,
  ServiceGroupMemberResolver,
  ServiceGroupResolver,
} from './group/service-group.resolver';
import { ServiceGroupService } from './group/service-group.service';
import { CadresInitial1763800000000 } from './migrations/1763800000000-cadres-initial';
import { PairingImportService } from './pairing/pairing-import';
import { PairingResolver } from './pairing/pairing.resolver';
import { PairingService } from './pairing/pairing.service';
import { VisitResolver } from './visit/visit.resolver';
import { VisitService } from './visit/visit.service';

export const buildCadresSchema = () =>
  buildFederatedSchema({
    access: accessRules,
    resolvers: [
      DepartmentResolver,
      CadreResolver,
      PairingResolver,
      VisitResolver,
      ServiceGroupResolver,
      ServiceGroupMemberResolver,
      ServiceGroupCallResolver,
      EnterpriseFieldsResolver,
      CoverageResolver,
    ],
    referenceResolvers: {
      Enterprise: enterpriseReference,
      Department: { __resolveReference: (ref: { id: string }, ctx: Context) => loadDepartment(ctx, ref.id) },
      // Another subgraph's pointer to a cadre obeys the same read rule as `cadre(id)`.
      Cadre: {
        __resolveReference: (ref: { id: string }, ctx: Context) =>
          ctx.viewer ? visibleCadre(ctx, ref.id) : null,
      },
      ServiceGroup: {
        __resolveReference: (ref: { id: string }, ctx: Context) => loadServiceGroup(ctx, ref.id),
      },
      Visit: {
        __resolveReference: (ref: { id: string }, ctx: Context) =>
          ctx.loaders
            .get<string, unknown>('visitRef', (ids) =>
              ctx.services.visits.findByIds(ids, readScope(ctx.viewer)),
            )
            .load(ref.id),
      },
    },
  });

/** The cadres subgraph: departments (部门), cadres (助企服务员), pairing (结对), visits (走访), service groups. */
export const cadresSubgraph: SubgraphDefinition<CadresServices> = {
  name: 'cadres',
  defaultPort: 4002,
  entities: [],
  migrations: [CadresInitial1763800000000],
  buildSchema: buildCadresSchema,
  createServices({ database, outbox, logger, env }) {
    const settings = loadCadresSettings(env);
    const ds = database.dataSource;
    const s = database.schema;
    const divisions = new Divisions();
    const departments = new DepartmentService(ds, s, divisions, outbox);
    const cadres = new CadreService(ds, s, outbox, divisions, departments);
    const enterprises = new EnterpriseProjection(ds, s, logger);
    const pairings = new PairingService(ds, s, outbox, divisions, cadres, enterprises);
    return {
      divisions,
      departments,
      cadres,
      enterprises,
      pairings,
      pairingImport: new PairingImportService(ds, s, cadres, pairings),
      visits: new VisitService(ds, s, outbox, cadres, enterprises, settings.visitWindowDays),
      groups: new ServiceGroupService(ds, s, divisions, enterprises),
      coverage: new CoverageService(ds, s, divisions),
    };
  },
  async onStart(services, { bus }) {
    // Enterprises come from the enterprises subgraph's events; history first, then live.
    await services.enterprises.start(bus);
  },
};
