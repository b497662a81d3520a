/**
 * `npm run docs:errors`: writes the status table of docs/errors.md from the error catalogue
 * (libs/errors). The prose around the table stays as it is; libs/errors/src/error-docs.spec.ts
 * fails when the table and the catalogue differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedTable } from '#errors';
import { projectRoot } from '#runtime';

const path = join(projectRoot(), 'docs/errors.md');
const before = readFileSync(path, 'utf8');
const after = withGeneratedTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'docs/errors.md is up to date' : 'docs/errors.md: status table written');
