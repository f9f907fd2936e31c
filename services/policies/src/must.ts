/** A value the code has just ensured (a row an INSERT … RETURNING gave back): fail loudly if not. */
export function must<T>(value: T | null | undefined, what = 'row'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}, got none`);
  return value;
}
