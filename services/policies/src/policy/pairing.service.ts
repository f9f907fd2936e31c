import type { DataSource } from 'typeorm';

/** Which enterprises a cadre is paired with (from the cadres subgraph's events). */
export class PairingService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
  ) {}

  async isPaired(cadreId: string, enterpriseId: string): Promise<boolean> {
    const rows = (await this.ds.query(
      `SELECT 1 FROM "${this.s}".cadre_pairing WHERE cadre_id = $1 AND enterprise_id = $2 AND NOT ended LIMIT 1`,
      [cadreId, enterpriseId],
    )) as unknown[];
    return rows.length > 0;
  }
}
