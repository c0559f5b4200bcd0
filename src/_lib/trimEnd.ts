/**
 * `s` without its trailing characters for which `drop` holds. A plain loop: an unanchored `x+$` regular
 * expression is quadratic on a long run of such characters followed by another.
 */
export function trimEnd(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s.charAt(end - 1))) end -= 1;
  return s.slice(0, end);
}
