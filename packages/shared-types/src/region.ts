/**
 * Administrative divisions (行政区划) as coded by the national statistics division codes:
 * province `330000`, prefecture city `331000`, county/district `331004`, township/street `331004001`.
 * Every code begins with the significant digits of its parent, so containment is a prefix test.
 */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}

/** The levels at which cadres, departments and appeals sit (市 / 县区 / 乡镇街道). */
export enum AdministrativeLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}

const REGION_CODE = /^(\d{6}|\d{9})$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

export function regionLevelOf(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new RangeError(`not a division code: ${code}`);
  if (code.length === 9) return RegionLevel.TOWNSHIP;
  if (code.endsWith('0000')) return RegionLevel.PROVINCE;
  if (code.endsWith('00')) return RegionLevel.CITY;
  return RegionLevel.COUNTY;
}

/** The significant prefix shared by a region and everything below it. */
export function regionPrefix(code: string): string {
  switch (regionLevelOf(code)) {
    case RegionLevel.PROVINCE:
      return code.slice(0, 2);
    case RegionLevel.CITY:
      return code.slice(0, 4);
    default:
      return code;
  }
}

/** True when `inner` is `outer` or lies below it. */
export function regionContains(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

/** The codes of a region's ancestors, nearest last (province first). */
export function regionAncestorCodes(code: string): string[] {
  const level = regionLevelOf(code);
  const out: string[] = [];
  if (level !== RegionLevel.PROVINCE) out.push(code.slice(0, 2) + '0000');
  if (level === RegionLevel.COUNTY || level === RegionLevel.TOWNSHIP) out.push(code.slice(0, 4) + '00');
  if (level === RegionLevel.TOWNSHIP) out.push(code.slice(0, 6));
  return out;
}
