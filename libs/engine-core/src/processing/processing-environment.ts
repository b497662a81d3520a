import type { ExecutableProcess } from '#bpmn';
import type { FeelService } from '#feel';

/** The process definition an instance runs on (its version never changes). */
export interface DefinitionInfo {
  processDefinitionKey: string;
  processDefinitionId: string;
  version: number;
  name: string | null;
  versionTag: string | null;
  tenantId: string;
}

/**
 * What the pure core is given besides state and command: the compiled model, the time of the
 * command, a key source and FEEL. Nothing in the core reads a clock, a database or randomness.
 */
export interface ProcessingEnvironment {
  model: ExecutableProcess;
  definition: DefinitionInfo;
  /** The instant the command is processed at (ISO-8601); every event of the command carries it. */
  now: string;
  keys: { next(): string };
  feel: FeelService;
  /** Form keys of linked forms, resolved before processing (formId → key of the version to use). */
  formKeys: Readonly<Record<string, string | undefined>>;
  /** Sources for FEEL's `uuid()` and `random number()`, so the core itself stays deterministic. @default crypto / Math.random inside FeelService */
  uuid?: () => string;
  random?: () => number;
  /**
   * How deeply a variable the engine computes (FEEL result, mapping, collected output) may be
   * nested; deeper is an incident. The API refuses deeper input before it reaches the core.
   * @default DEFAULT_MAX_VARIABLE_DEPTH (28)
   */
  maxVariableDepth?: number;
}
