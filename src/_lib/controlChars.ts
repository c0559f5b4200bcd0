import { stringifyJson } from './json.js';

// Control characters in data are shown, never obeyed: a name holding ESC sequences must not retitle a
// terminal window, clear the screen, write the clipboard (OSC 52) or plant a hidden link (OSC 8), and a
// bidirectional override must not reorder what a reader sees.

// C0 controls but line feed, DEL, C1 controls, the line and paragraph separators, and the bidirectional
// embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every control character but the line feed written out as `\uXXXX`, which shows and does nothing. */
export function showControls(s: string): string {
  return s.replace(CONTROL, visible);
}

/** The text with every control character, the line feed included, written out as `\uXXXX`: for one line or one table cell. */
export function showControlsInLine(s: string): string {
  return showControls(s).replace(/\n/g, visible);
}

// What JSON.stringify leaves raw but a terminal or a script may act on: DEL, C1, U+2028/U+2029 (line ends
// for JavaScript before ES2019) and the bidirectional controls.
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify(value, null, space)` (at any depth) with the characters it leaves raw but a terminal
 * acts on escaped as `\uXXXX`: the same JSON value.
 */
export function jsonText(value: unknown, space?: number): string {
  return stringifyJson(value, space).replace(JSON_RAW, visible);
}
