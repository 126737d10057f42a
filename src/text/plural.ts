/**
 * A count with its noun in the right number: `plural(1, 'item')` is "1 item", `plural(3, 'item')` is
 * "3 items", `plural(2, 'red flag')` is "2 red flags". Regular English plurals only; pass `many` for others
 * (`plural(2, 'entry', 'entries')`).
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
