// `node:zlib` in the workbook chunk: raw inflate into a buffer no larger than the part claims (fflate).
import { inflateSync } from 'fflate';

export function inflateRawSync(data: Uint8Array, options: { readonly maxOutputLength: number }): Uint8Array {
  return inflateSync(data, { out: new Uint8Array(options.maxOutputLength) });
}
