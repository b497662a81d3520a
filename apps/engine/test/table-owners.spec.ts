import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';

/**
 * One owner per table (docs/architecture.md, "Tables and their owners"): only the owner writes a
 * table; a table's name appears in SQL elsewhere only where the map lets that file read it (the
 * read side: searches, statistics, joins); use cases and controllers run no SQL at all. The map
 * is read from the doc itself, so the doc and the check cannot drift apart. TypeORM use of an
 * entity class counts as use of its table.
 */
const root = projectRoot();
const engineSrc = join(root, 'apps/engine/src');

/** One mention of a table in a source file. */
interface TableReference {
  table: string;
  write: boolean;
  line: number;
}

/** A row of the owner map: the owner file (relative to apps/engine/src, or `#persistence`) and the files that may read the table. */
interface Ownership {
  owner: string;
  readers: string[];
}

/** SQL statements and fragments name tables after these keywords (the write forms first). */
const SQL_TABLE = /\b(INSERT\s+INTO|REPLACE\s+INTO|DELETE\s+FROM|UPDATE|FROM|JOIN)\s+`?([a-z_][a-z0-9_]*)`?/g;
/** TypeORM methods that change rows. */
const WRITE_METHODS = new Set(['insert', 'update', 'delete', 'save', 'upsert', 'remove', 'softDelete', 'softRemove', 'restore', 'increment', 'decrement', 'clear']);
/** TypeORM query-builder methods that name a table to read it. */
const READ_METHODS = new Set(['from', 'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect', 'addFrom']);
/** Functions that take a bare table name: SQL helpers (`upsertRows(batch, 'jobs', ...)`) and query builders. */
const TAKES_TABLE = /insert|upsert|update|delete|table|from|join/i;

/** Table name by entity class name, from the `@Entity({ name })` declarations in libs/persistence. */
export function entityTables(): Map<string, string> {
  const dir = join(root, 'libs/persistence/src/entities');
  const tables = new Map<string, string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.entity.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/@Entity\(\{\s*name:\s*'([a-z_]+)'\s*\}\)[\s\S]*?export class (\w+)/g)) tables.set(match[2]!, match[1]!);
  }
  return tables;
}

/** The owner map of docs/architecture.md: `| \`table\` | owner class (\`file\`) | readers (\`file\`, ...) |`. */
export function ownerMap(markdown: string): Map<string, Ownership> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Tables and their owners'));
  if (!section) throw new Error('docs/architecture.md has no "Tables and their owners" section');
  const map = new Map<string, Ownership>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [tableCell = '', ownerCell = '', readersCell = ''] = line.split('|').slice(1);
    const files = (cell: string) => [...cell.matchAll(/`([^`]+\.ts|#persistence)`/g)].map((m) => m[1]!);
    const table = /`([a-z_]+)`/.exec(tableCell)?.[1];
    const [owner] = files(ownerCell);
    if (!table || !owner) throw new Error(`Cannot read the owner map row: ${line}`);
    map.set(table, { owner, readers: files(readersCell) });
  }
  return map;
}

/** Every table a source text names in SQL, or uses through its TypeORM entity. */
export function tableReferences(text: string, fileName: string, tables: ReadonlySet<string>, entities: ReadonlyMap<string, string>): TableReference[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: TableReference[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const sql = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ') : node.text;
      for (const [, keyword, table] of sql.matchAll(SQL_TABLE)) {
        if (tables.has(table!)) found.push({ table: table!, write: !/^(FROM|JOIN)$/.test(keyword!), line: lineOf(node) });
      }
      // A bare table name handed to a helper (`upsert(batch, 'jobs', ...)`) or a query builder.
      if (!ts.isTemplateExpression(node) && tables.has(node.text) && ts.isCallExpression(node.parent) && TAKES_TABLE.test(calledName(node.parent) ?? '')) {
        found.push({ table: node.text, write: !READ_METHODS.has(calledName(node.parent) ?? ''), line: lineOf(node) });
      }
    }
    if (ts.isIdentifier(node) && entities.has(node.text) && !ts.isImportSpecifier(node.parent) && !ts.isTypeReferenceNode(node.parent) && !ts.isTypeQueryNode(node.parent)) {
      found.push({ table: entities.get(node.text)!, write: writesThrough(node), line: lineOf(node) });
    }
    if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The method name of a call (`x.insert(...)` → insert). */
function calledName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
}

/** Whether an entity class is used to change rows: `manager.insert(Entity, ...)`, `getRepository(Entity).save(...)`, `...createQueryBuilder().update()`. */
function writesThrough(entity: ts.Identifier): boolean {
  let node: ts.Node = entity.parent;
  if (ts.isCallExpression(node) && WRITE_METHODS.has(calledName(node) ?? '')) return true;
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) {
    if (ts.isPropertyAccessExpression(node) && WRITE_METHODS.has(node.name.text)) return true;
    node = node.parent;
  }
  return false;
}

/** What is wrong with a file's table references under the owner map. */
export function offences(file: string, references: TableReference[], owners: ReadonlyMap<string, Ownership>): string[] {
  const sqlFree = /\.(usecase|controller)\.ts$/.test(file);
  return references.flatMap(({ table, write, line }) => {
    const at = `${file}:${line}`;
    const ownership = owners.get(table);
    if (!ownership) return [`${at}: table ${table} has no owner in docs/architecture.md`];
    if (sqlFree) return [`${at}: ${table} in a ${file.endsWith('.controller.ts') ? 'controller' : 'use case'}; its owner is ${ownership.owner}`];
    if (ownership.owner === file) return [];
    if (write) return [`${at}: writes ${table}, which only ${ownership.owner} may write`];
    if (!ownership.readers.includes(file)) return [`${at}: reads ${table}, owned by ${ownership.owner}, without being listed among its readers`];
    return [];
  });
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('one owner per table', () => {
  const entities = entityTables();
  const tables = new Set(entities.values());
  const owners = ownerMap(readFileSync(join(root, 'docs/architecture.md'), 'utf8'));

  it('maps every table to an owner that exists, and names only tables that exist', () => {
    expect([...owners.keys()].sort()).toEqual([...tables].sort());
    const missing = [...owners.values()].flatMap(({ owner, readers }) => [owner, ...readers]).filter((file) => file !== '#persistence' && !existsSync(join(engineSrc, file)));
    expect(missing).toEqual([]);
  });

  it('finds a table written outside its owner, and SQL in use cases and controllers', () => {
    const probe = [
      "await manager.query(\"UPDATE jobs SET deadline = ? WHERE job_key = ?\", [deadline, key]);",
      "await manager.insert(TimerEntity, timer);",
      "await dataSource.getRepository(JobEntity).findOneBy({ jobKey });",
      "upsert(batch, 'incidents', columns, [], rows);",
      "const rows = await dataSource.query('SELECT v.name FROM element_instances e JOIN variables v ON v.scope_key = e.element_instance_key');",
    ].join('\n');
    const references = tableReferences(probe, 'probe.ts', tables, entities);
    expect(references).toEqual([
      { table: 'jobs', write: true, line: 1 },
      { table: 'timers', write: true, line: 2 },
      { table: 'jobs', write: false, line: 3 },
      { table: 'incidents', write: true, line: 4 },
      { table: 'element_instances', write: false, line: 5 },
      { table: 'variables', write: false, line: 5 },
    ]);
    expect(offences('jobs/probe.ts', references, owners)).toHaveLength(6);
    expect(offences('jobs/usecases/probe.usecase.ts', [{ table: 'jobs', write: false, line: 1 }], owners)).toEqual([
      `jobs/usecases/probe.usecase.ts:1: jobs in a use case; its owner is ${owners.get('jobs')!.owner}`,
    ]);
  });

  it('holds for every source file of apps/engine', () => {
    const found = sources(engineSrc).flatMap((path) => {
      const file = relative(engineSrc, path);
      return offences(file, tableReferences(readFileSync(path, 'utf8'), file, tables, entities), owners);
    });
    expect(found).toEqual([]);
  });
});
