/**
 * Orders two strings by their UTF-16 code units: -1, 0 or 1, for Array#sort. For mlsd's ids (kebab-case
 * ASCII: letters, digits, hyphens) and ISO 8601 times of one form, the order is the one
 * String#localeCompare gives, without its cost: the first localeCompare of a process sets up ICU's
 * collator, about 7 ms, a tenth of a `stats` run.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
