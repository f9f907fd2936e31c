import { EnterpriseScale } from '@sfw/shared-types';
import { CsvFormatError, normalizeDate, parseEnterpriseCsv } from './csv-rows';

describe('reading a market-regulation CSV', () => {
  it('reads the usual date spellings', () => {
    expect(normalizeDate('2006/3/8')).toBe('2006-03-08');
    expect(normalizeDate('2006年3月8日')).toBe('2006-03-08');
    expect(normalizeDate('20060308')).toBe('2006-03-08');
  });

  it('maps Chinese and English headers, a BOM, quoted cells and list separators', () => {
    const text =
      '\uFEFF统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,标签,注册资本（万元）,经营范围\n91110000710926094P,"某某有限公司",331004001,3670,规上,龙头骨干、专精特新,"1,200",机械\n';
    const { rows, ignoredColumns } = parseEnterpriseCsv(text);
    expect(ignoredColumns).toEqual(['经营范围']);
    expect(rows[0]).toMatchObject({
      line: 2,
      problems: [],
      draft: {
        name: '某某有限公司',
        scale: EnterpriseScale.ABOVE_DESIGNATED,
        tags: ['龙头骨干', '专精特新'],
        registeredCapital: 1200,
      },
    });
    expect([...rows[0]!.present].sort()).toEqual([
      'creditCode',
      'industryCode',
      'name',
      'regionCode',
      'registeredCapital',
      'scale',
      'tags',
    ]);
  });

  it('marks deregistered enterprises to be skipped and bad numbers as problems', () => {
    const text =
      '统一社会信用代码,企业名称,行政区划代码,行业代码,登记状态,从业人员\nX,甲公司,331004001,3670,注销,10\nY,乙公司,331004001,3670,存续,十人\n';
    const { rows } = parseEnterpriseCsv(text);
    expect(rows[0]!.skipReason).toContain('注销');
    expect(rows[1]!.problems.map((p) => p.code)).toEqual(['INVALID_EMPLOYEES']);
  });

  it('refuses a file without the required columns', () => {
    expect(() => parseEnterpriseCsv('企业名称\n某公司\n')).toThrow(CsvFormatError);
  });
});
