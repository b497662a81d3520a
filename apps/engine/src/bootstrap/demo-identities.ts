import type { Role } from '#persistence';

/** A user seeded at start when BATON_SEED_DEMO is on; listed in the README. */
export interface DemoUser {
  username: string;
  password: string;
  name: string;
  email: string;
  roles: Role[];
  groups: string[];
}

export const DEMO_GROUPS: Array<{ groupId: string; name: string }> = [
  { groupId: 'sales', name: 'Sales' },
  { groupId: 'finance', name: 'Finance' },
  { groupId: 'managers', name: 'Managers' },
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'demo', password: 'demo', name: 'Demo Admin', email: 'demo@baton.local', roles: ['admin'], groups: [] },
  { username: 'anna', password: 'anna', name: 'Anna Analyst', email: 'anna@baton.local', roles: ['analyst'], groups: [] },
  { username: 'emma', password: 'emma', name: 'Emma Employee', email: 'emma@baton.local', roles: ['employee'], groups: ['sales'] },
  { username: 'frank', password: 'frank', name: 'Frank Finance', email: 'frank@baton.local', roles: ['employee'], groups: ['finance'] },
  { username: 'mia', password: 'mia', name: 'Mia Manager', email: 'mia@baton.local', roles: ['employee'], groups: ['managers', 'sales'] },
  // The account apps/worker signs in with by default (BATON_WORKER_USERNAME / BATON_WORKER_PASSWORD).
  { username: 'worker', password: 'worker', name: 'Job worker', email: 'worker@baton.local', roles: ['worker'], groups: [] },
];
