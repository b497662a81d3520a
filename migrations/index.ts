import { Foundation1779400000000 } from './1779400000000-foundation.js';

/** Every migration, oldest first. A new migration is added here (README: "Database migrations"). */
export const MIGRATIONS = [Foundation1779400000000];
