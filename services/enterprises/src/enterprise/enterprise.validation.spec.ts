import { EnterpriseScale } from '@sfw/shared-types';
import { IndustryCatalog } from '../industry/industry.catalog';
import { readRegionsFile, RegionDirectory } from '../region/region.directory';
import {
  maskPhone,
  normalizePhone,
  normalizeTags,
  validateDraft,
  validatePatch,
} from './enterprise.validation';

const ref = {
  regions: new RegionDirectory(readRegionsFile()),
  industries: IndustryCatalog.fromFile(),
  today: '2026-11-22',
};

describe('enterprise validation', () => {
  it('normalises mobile and landline numbers', () => {
    expect(normalizePhone('+86 138-5761-2390')).toBe('13857612390');
    expect(normalizePhone('0576 82345678')).toBe('0576-82345678');
    expect(normalizePhone('0576-82345678-801')).toBe('0576-82345678-801');
    expect(normalizePhone('12345678901')).toBeNull();
    expect(normalizePhone('5761234')).toBeNull();
  });

  it('masks phones', () => {
    expect(maskPhone('13857612390')).toBe('138****2390');
    expect(maskPhone('0576-82345678')).toBe('0576-****5678');
  });

  it('maps tag variants to the standard tags and drops duplicates', () => {
    expect(normalizeTags([' 隐形冠军 ', '隐形冠军（培育）', '专精特新', '专精特新', ''])).toEqual([
      '隐形冠军(培育)',
      '专精特新',
    ]);
  });

  it('accepts a complete, valid draft', () => {
    const { problems, value } = validateDraft(
      {
        name: '  台州市  示例有限公司 ',
        creditCode: '91110000710926094p',
        regionCode: '331004',
        industryCode: '3670',
        scale: EnterpriseScale.ABOVE_DESIGNATED,
        tags: [],
        employees: 10,
        registeredCapital: 100.456,
        foundedOn: '2000-02-29',
        parks: ['台州湾新区', '台州湾新区'],
        liaisons: [],
      },
      ref,
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      name: '台州市 示例有限公司',
      creditCode: '91110000710926094P',
      registeredCapital: 100.46,
      parks: ['台州湾新区'],
    });
  });

  it('finds impossible dates, unknown industries and regions outside the tree', () => {
    const { problems } = validatePatch(
      { foundedOn: '2023-02-29', industryCode: '9A', regionCode: '110101' },
      ref,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['regionCode', 'UNKNOWN_REGION'],
      ['industryCode', 'INVALID_INDUSTRY'],
      ['foundedOn', 'INVALID_DATE'],
    ]);
  });
});
