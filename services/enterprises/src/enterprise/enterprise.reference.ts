import type { Context } from '../context';
import type { Enterprise } from './enterprise.entity';

/** Every enterprise lookup by id in a request goes through one DataLoader: one query per batch. */
export function loadEnterprise(ctx: Context, id: string): Promise<Enterprise | null> {
  return ctx.loaders
    .get<string, Enterprise | null>('enterpriseById', (ids) => ctx.services.enterprises.findByIds(ids))
    .load(id);
}

export const enterpriseReference = {
  __resolveReference(ref: { id: string }, ctx: Context): Promise<Enterprise | null> {
    return loadEnterprise(ctx, ref.id);
  },
};
