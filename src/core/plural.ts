/**
 * A count and its noun, the one way every page, report and command writes them: "1 owner",
 * "2 owners", "0 owners". English plurals that are not the noun plus "s" are given:
 * `plural(n, 'person', 'people')`, `plural(n, 'data source')`.
 */

/** The noun for a count: `one` for exactly 1, else `many` (the noun plus "s" unless given). */
export function noun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** The count and its noun: `plural(1, 'owner')` is "1 owner", `plural(3, 'owner')` "3 owners". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${noun(count, one, many)}`;
}
