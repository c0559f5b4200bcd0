// JSON text of a JSON value at any depth. `JSON.stringify` recurses and overflows the stack somewhere
// below 10 000 levels, while `JSON.parse` reads far deeper documents; a parsed document must always be
// writable again. The fast path is `JSON.stringify`; past its depth an explicit stack gives the same text.

type Frame =
  | { readonly array: readonly unknown[]; index: number; readonly indent: string; wrote: boolean }
  | {
      readonly object: Readonly<Record<string, unknown>>;
      readonly keys: readonly string[];
      index: number;
      readonly indent: string;
      wrote: boolean;
    };

/** `JSON.stringify(value, null, space)` for data read from JSON, without a recursion limit. */
export function stringifyJson(value: unknown, space?: number): string {
  try {
    return JSON.stringify(value, null, space);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return stringifyDeep(value, space === undefined ? '' : ' '.repeat(Math.max(0, Math.min(10, Math.floor(space)))));
  }
}

function prepare(value: unknown, key: string): unknown {
  const v = value as { toJSON?: unknown } | null | undefined;
  return v !== null && typeof v === 'object' && typeof v.toJSON === 'function' ? (v.toJSON as (k: string) => unknown)(key) : value;
}

/** The explicit-stack writer, exported for its tests. `gap` is the indentation unit (`''` for none). */
export function stringifyDeep(root: unknown, gap: string): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const colon = gap === '' ? ':' : ': ';
  // Writes a value: a leaf at once, a container by pushing its frame. Returns false when the value is
  // not representable (undefined, a function, a symbol): omitted in objects, `null` in arrays.
  const open = (value: unknown, indent: string): boolean => {
    if (Array.isArray(value)) {
      out.push('[');
      stack.push({ array: value, index: 0, indent, wrote: false });
      return true;
    }
    if (value !== null && typeof value === 'object') {
      out.push('{');
      stack.push({ object: value as Record<string, unknown>, keys: Object.keys(value), index: 0, indent, wrote: false });
      return true;
    }
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) return false;
    out.push(text);
    return true;
  };
  open(prepare(root, ''), '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const inner = frame.indent + gap;
    const separator = (frame.wrote ? ',' : '') + (gap === '' ? '' : `\n${inner}`);
    if ('array' in frame) {
      if (frame.index < frame.array.length) {
        const i = frame.index++;
        out.push(separator);
        frame.wrote = true;
        if (!open(prepare(frame.array[i], String(i)), inner)) out.push('null');
        continue;
      }
      stack.pop();
      out.push(frame.wrote && gap !== '' ? `\n${frame.indent}]` : ']');
      continue;
    }
    if (frame.index < frame.keys.length) {
      const key = frame.keys[frame.index++] as string;
      const value = prepare(frame.object[key], key);
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      out.push(separator, JSON.stringify(key), colon);
      frame.wrote = true;
      open(value, inner);
      continue;
    }
    stack.pop();
    out.push(frame.wrote && gap !== '' ? `\n${frame.indent}}` : '}');
  }
  return out.join('');
}
