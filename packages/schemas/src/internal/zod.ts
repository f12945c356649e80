/**
 * What the schemas share on top of `zod/mini`: the functional, tree-shakable build of zod v4
 * (a page that validates one record ships a few kB of zod instead of the whole classic API and
 * its locales). Mini schemas parse exactly as classic ones (the checks are zod core's), but load
 * no locale, so zod's own messages are "Invalid input" unless the application configures one.
 */

import * as z from 'zod/mini';
import { $constructor, $ZodObjectJIT } from 'zod/v4/core';

/**
 * The one zod message `mapZodIssues` reads: parsed without `reportInput`, a field is told
 * absent (`ERR_SCHEMA_REQUIRED`) rather than mistyped by the "received undefined" of zod's English
 * locale, which mini does not load. Every other message is left to the configured locale.
 */
function missingMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined
    ? `Invalid input: expected ${issue.expected}, received undefined`
    : undefined;
}

/** The params of every schema a field can be missing from: `z.string(FIELD)`. */
export const FIELD = { error: missingMessage } as const;

/**
 * `schema.describe(text)` of classic zod: a copy of the schema with `description` in zod's
 * global registry, where `z.toJSONSchema` reads it.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, { description });
  return copy;
}

/**
 * zod/mini's object with the JIT-compiled parser of classic zod's objects (`$ZodObjectJIT`, the
 * same core code): mini's own object parses field by field, which halved `ResidentRecord.safeParse`
 * throughput. Built from zod/mini's exported pieces exactly as `ZodMiniObject` is, with the JIT
 * core in place of the plain one; like classic zod, it falls back to the plain parser where
 * `eval` is not allowed (CSP) or `jitless` is configured.
 */
// The constructors' `init` are assertion functions, which TypeScript calls only through names
// with explicit types.
type Init = { init(inst: unknown, def: unknown): void };
const objectJit: Init = $ZodObjectJIT;
const miniType: Init = z.ZodMiniType;
const ZodMiniObjectJIT = /* @__PURE__ */ $constructor(
  'ZodMiniObject',
  (inst: z.ZodMiniObject, def: z.core.$ZodObjectDef) => {
    objectJit.init(inst, def);
    miniType.init(inst, def);
    // mini's `shape` getter (util.installLazyProp, not imported: zod's util namespace would bring
    // all of its helpers into a bundle).
    Object.defineProperty(inst, 'shape', {
      get(this: z.ZodMiniObject) {
        return this._zod.def.shape;
      },
      enumerable: false,
      configurable: true,
    });
  },
);

/** `z.object(shape, params)` of zod/mini, parsed by the JIT-compiled object parser. */
export function object<T extends z.core.$ZodLooseShape>(
  shape: T,
  params?: typeof FIELD,
): z.ZodMiniObject<T, z.core.$strip> {
  return new ZodMiniObjectJIT({ type: 'object', shape, ...params }) as unknown as z.ZodMiniObject<
    T,
    z.core.$strip
  >;
}
