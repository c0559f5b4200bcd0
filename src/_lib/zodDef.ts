// What the library reads of a zod v4 schema's definition (`schema._zod.def`), to walk a schema: the
// unknown-key report, the total safeParse and the validation fast path. One reading, so that a change of
// zod's internals is met in one place.
import type * as z from 'zod';

/** A check of a string's length or a number's range. */
export interface ZodCheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
}

/** The parts of a schema's definition the walks read. */
export interface ZodDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly catchall?: z.ZodType;
  readonly discriminator?: string;
  readonly options?: readonly z.ZodType[];
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly checks?: readonly { readonly _zod: { readonly def: ZodCheckDef } }[];
}

/** The definition of a zod schema. */
export const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { readonly _zod: { readonly def: ZodDef } })._zod.def;
