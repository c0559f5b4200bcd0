import * as z from 'zod';
import { PRIMITIVE_JSON_SCHEMAS } from './_primitives.js';

/** A JSON Schema document (draft 2020-12) as plain data. */
export type JsonSchemaDocument = Readonly<Record<string, unknown>>;

/**
 * Convert a zod schema to JSON Schema draft 2020-12 with zod's own converter, describing the input a
 * document may hold: the primitives (amounts, dates, months, quarters) get their grammar, and each
 * property its zh/en description from `descriptions` (by property name).
 */
export function toJsonSchema(
  schema: z.ZodType,
  head: { readonly id: string; readonly title: string; readonly description: string },
  descriptions: Readonly<Record<string, string>>,
): JsonSchemaDocument {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const primitive = PRIMITIVE_JSON_SCHEMAS.get(ctx.zodSchema as unknown as z.ZodType);
      if (primitive) {
        for (const k of Object.keys(ctx.jsonSchema)) Reflect.deleteProperty(ctx.jsonSchema, k);
        Object.assign(ctx.jsonSchema, primitive);
      }
    },
  }) as Record<string, unknown>;
  describe(generated, descriptions);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: head.id,
    title: head.title,
    description: head.description,
    ...withoutSchemaKey(generated),
  };
}

function withoutSchemaKey(s: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = s;
  return rest;
}

// Walk the schema; give every named property its description, keeping the grammar's note after it.
function describe(node: unknown, descriptions: Readonly<Record<string, string>>): void {
  if (Array.isArray(node)) {
    node.forEach((n) => {
      describe(n, descriptions);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const props = obj['properties'];
  if (props !== null && typeof props === 'object') {
    for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
      const text = descriptions[key];
      if (text !== undefined && value !== null && typeof value === 'object') {
        const v = value as Record<string, unknown>;
        const generic = typeof v['description'] === 'string' ? ` (${v['description']})` : '';
        v['description'] = `${text}${generic}`;
      }
    }
  }
  for (const v of Object.values(obj)) describe(v, descriptions);
}
