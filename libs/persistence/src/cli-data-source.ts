/**
 * The DataSource the TypeORM CLI uses (`npm run migration:generate -- migrations/<name>`):
 * Baton's entities and migrations against the database the environment configures.
 */
import 'reflect-metadata';
import { loadConfig } from '#runtime';
import { createDataSource, detectServerFlavor } from './data-source.js';

const { db } = loadConfig();
export default createDataSource(db, { flavor: await detectServerFlavor(db) });
