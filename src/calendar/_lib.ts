import { SansansanError } from '../errors.js';

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export function invalid(code: string, what: string, input: unknown): SansansanError {
  const shown = typeof input === 'string' ? JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input) : String(input);
  return new SansansanError(code, {
    zh: `${what.split('|')[0] ?? ''}无效:${shown}`,
    en: `not a valid ${what.split('|')[1] ?? ''}: ${shown}`,
  });
}

/** The number written by the ASCII digits of s from `from` to `to` (excluded), or -1 when one is not a digit. */
export function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
