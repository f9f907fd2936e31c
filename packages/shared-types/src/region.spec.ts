import { regionAncestorCodes, regionContains, regionLevelOf, RegionLevel } from './region';

describe('division codes', () => {
  it('tells the level from the code', () => {
    expect(regionLevelOf('330000')).toBe(RegionLevel.PROVINCE);
    expect(regionLevelOf('331000')).toBe(RegionLevel.CITY);
    expect(regionLevelOf('331004')).toBe(RegionLevel.COUNTY);
    expect(regionLevelOf('331004001')).toBe(RegionLevel.TOWNSHIP);
    expect(() => regionLevelOf('33100')).toThrow();
  });

  it('contains everything below and nothing beside', () => {
    expect(regionContains('330000', '331004001')).toBe(true);
    expect(regionContains('331000', '331004001')).toBe(true);
    expect(regionContains('331004', '331004001')).toBe(true);
    expect(regionContains('331004', '331003001')).toBe(false);
    expect(regionContains('331000', '330302001')).toBe(false);
    expect(regionContains('331004001', '331004001')).toBe(true);
  });

  it('lists ancestors, province first', () => {
    expect(regionAncestorCodes('331004001')).toEqual(['330000', '331000', '331004']);
    expect(regionAncestorCodes('331000')).toEqual(['330000']);
  });
});
