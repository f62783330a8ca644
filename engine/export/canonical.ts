// Export of a ruleset's canonical JSON form: everything the DSL says, without spans or comments, keys in a stable
// order (`kind` first, then alphabetical). In: a `Ruleset` AST. Out: JSON text whose compact form hashes to the
// ruleset's content hash (`rulesetHash(ast) === 'sha256:' + sha256Text(JSON.stringify(JSON.parse(text)))`).

import type { Ruleset } from '../../dsl/ast';
import { toCanonical } from '../../dsl/canonical';

/** Where the JSON Schema of the canonical form is published (relative to the package root). */
export const RULESET_SCHEMA_PATH = 'schemas/ruleset.schema.json';

/** The canonical JSON value of a ruleset (plain data; what `rulesetHash` hashes). */
export function exportCanonical(ast: Ruleset): unknown {
  return toCanonical(ast);
}

/** The canonical JSON form as text: 2-space indented, keys in canonical order, a final newline. */
export function exportCanonicalText(ast: Ruleset): string {
  return `${JSON.stringify(toCanonical(ast), null, 2)}\n`;
}
