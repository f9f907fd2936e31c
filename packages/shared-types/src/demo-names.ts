import type { SeededRandom } from './random';

/** Common surnames of Taizhou, one character each, for demo people. */
export const DEMO_SURNAMES: readonly string[] = [
  ...'王陈林李张徐郑金杨黄周吴叶蒋梁应潘许赵朱毛罗阮颜卢章陶洪戴柯牟胡冯程蔡',
];

/** Characters of given names, for demo people. */
export const DEMO_GIVEN_CHARS: readonly string[] = [
  ...'伟军建国明华平志强海勇斌杰敏丽芳燕红霞波涛超磊俊文静婷洁莉晨阳宇浩鹏飞瑞雪慧颖琳',
];

/**
 * A fictional Chinese name for demo data: a surname and a given name of two different characters
 * (three times in four) or of one. Draws, in order: the first given character, the chance of a
 * second, the second (again while it repeats the first), the surname.
 */
export function chineseName(rng: SeededRandom): string {
  const first = rng.pick(DEMO_GIVEN_CHARS);
  if (!rng.chance(0.75)) return rng.pick(DEMO_SURNAMES) + first;
  let second = rng.pick(DEMO_GIVEN_CHARS);
  while (second === first) second = rng.pick(DEMO_GIVEN_CHARS);
  return rng.pick(DEMO_SURNAMES) + first + second;
}
