import { Foundation1779400000000 } from './1779400000000-foundation.js';
import { ProcessInstances1795287117916 } from './1795287117916-process-instances.js';
import { JobDispatch1795288295651 } from './1795288295651-job-dispatch.js';
import { Timers1795289000000 } from './1795289000000-timers.js';
import { CallsAndMessages1795290000000 } from './1795290000000-calls-and-messages.js';
import { ElementDurationsIndex1795291000000 } from './1795291000000-element-durations-index.js';
import { JobsInstanceStateIndex1796660000000 } from './1796660000000-jobs-instance-state-index.js';
import { Events1797000000000 } from './1797000000000-events.js';
import { Compensation1797100000000 } from './1797100000000-compensation.js';
import { Listeners1797200000000 } from './1797200000000-listeners.js';
import { RetriesAndTriggers1797400000000 } from './1797400000000-retries-and-triggers.js';
import { IdentityManagement1797500000000 } from './1797500000000-identity-management.js';
import { ApiClients1797600000000 } from './1797600000000-api-clients.js';

/** Every migration, oldest first. A new migration is added here (README: "Database migrations"). */
export const MIGRATIONS = [Foundation1779400000000, ProcessInstances1795287117916, JobDispatch1795288295651, Timers1795289000000, CallsAndMessages1795290000000, ElementDurationsIndex1795291000000, JobsInstanceStateIndex1796660000000, Events1797000000000, Compensation1797100000000, Listeners1797200000000, RetriesAndTriggers1797400000000, IdentityManagement1797500000000, ApiClients1797600000000];
