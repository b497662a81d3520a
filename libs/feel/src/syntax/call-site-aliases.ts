import type { FeelTree } from './feel-syntax.js';

/** The rewritten source and the aliases to add to the evaluation context. */
export interface AliasedSource {
  source: string;
  aliases: Record<string, unknown>;
}

/**
 * Keeps built-in calls working when a process variable has the built-in's name.
 *
 * In Camunda (FEEL-Scala) variables and functions live apart: with a variable `date = "2024-01-01"`,
 * `date(date)` still calls the built-in `date()`. feelin looks every name up in the evaluation
 * context first, so the variable would shadow the built-in and the call would yield `null`.
 *
 * For each call whose callee is a plain name in `shadowed`, the callee is replaced in the source by
 * a fresh identifier bound to the built-in. Every other use of the name (`date + 1`, `x.date`) keeps
 * reading the variable. Names bound inside the expression (`for date in ... return date(...)`) are
 * not tracked, which only matters when they shadow a built-in that a variable shadows too.
 */
export function aliasShadowedCalls(
  source: string,
  tree: FeelTree,
  shadowed: ReadonlyMap<string, unknown>,
  taken: (name: string) => boolean,
): AliasedSource {
  const calls: { from: number; to: number; name: string }[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'FunctionInvocation') return;
      const callee = ref.node.firstChild;
      if (callee?.name !== 'VariableName') return;
      const name = source.slice(callee.from, callee.to).replace(/\s+/g, ' ');
      if (shadowed.has(name)) calls.push({ from: callee.from, to: callee.to, name });
    },
  });
  if (calls.length === 0) return { source, aliases: {} };

  const aliasOf = new Map<string, string>();
  const aliases: Record<string, unknown> = {};
  let counter = 0;
  for (const { name } of calls) {
    if (aliasOf.has(name)) continue;
    let alias: string;
    do alias = `__baton_builtin_${counter++}`;
    while (taken(alias));
    aliasOf.set(name, alias);
    aliases[alias] = shadowed.get(name);
  }

  let rewritten = source;
  for (const call of [...calls].sort((a, b) => b.from - a.from)) {
    rewritten = `${rewritten.slice(0, call.from)}${aliasOf.get(call.name)}${rewritten.slice(call.to)}`;
  }
  return { source: rewritten, aliases };
}
