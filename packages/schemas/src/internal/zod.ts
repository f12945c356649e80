/**
 * What the schemas share on top of `zod/mini`: the functional, tree-shakable build of zod v4
 * (a page that validates one record ships a few kB of zod instead of the whole classic API and
 * its locales). Mini schemas parse exactly as classic ones (the checks are zod core's), but load
 * no locale, so zod's own messages are "Invalid input" unless the application configures one.
 */
import * as z from 'zod/mini';

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
