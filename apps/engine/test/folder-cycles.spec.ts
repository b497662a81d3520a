import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';

/**
 * No import cycle between the folders of apps/engine/src (docs/architecture.md, "The engine's
 * folders"). ESLint's import-x/no-cycle refuses cycles between files; this refuses them between
 * folders, where `dispatch/` → `execution/` → `dispatch/` can hide in files that never import
 * each other. Files directly in src (the composition root: app.module.ts, main.ts, ...) are the
 * folder `.`; type-only imports count too (a folder's layer does not depend on the import's kind).
 */
const engineSrc = join(projectRoot(), 'apps/engine/src');

/** Folder → the folders its files import from. */
export type FolderGraph = Map<string, Set<string>>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function folderOf(path: string): string {
  const parts = relative(engineSrc, path).split(sep);
  return parts.length === 1 ? '.' : parts[0]!;
}

/** The relative module specifiers of a file: imports, re-exports and dynamic imports. */
function relativeImports(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

/** The folder graph of apps/engine/src. */
export function folderGraph(): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const path of sources(engineSrc)) {
    const from = folderOf(path);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const specifier of relativeImports(path)) {
      const to = folderOf(resolve(dirname(path), specifier));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** A cycle of the graph as a path (`a → b → a`), or null when it is acyclic. */
export function findCycle(graph: FolderGraph): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'visiting') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('folders of apps/engine/src', () => {
  it('finds a cycle and names it', () => {
    const graph: FolderGraph = new Map([
      ['jobs', new Set(['execution', 'common'])],
      ['execution', new Set(['dispatch', 'common'])],
      ['dispatch', new Set(['execution'])],
      ['common', new Set()],
    ]);
    expect(findCycle(graph)).toEqual(['dispatch', 'execution', 'dispatch']);
    graph.set('dispatch', new Set(['common']));
    expect(findCycle(graph)).toBeNull();
  });

  it('import each other in one direction only', () => {
    const graph = folderGraph();
    expect(graph.get('execution')).toBeDefined();
    const cycle = findCycle(graph);
    expect(cycle && `folder import cycle: ${cycle.join(' → ')}`).toBeNull();
  });
});
