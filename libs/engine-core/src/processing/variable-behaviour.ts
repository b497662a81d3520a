import type { VariableMapping } from '#bpmn';
import type { InstanceState } from '../state/instance-state.js';
import { cloneJson, ownValue, sameJson, setAtPath, setOwn, targetPath } from './variable-paths.js';
import { Failure } from '../failure.js';
import type { EngineEvent } from '../events/engine-event.js';
import type { ValueEvaluator } from './value-evaluator.js';
import { checkComputedDepth } from './variable-depth.js';

/**
 * Camunda 8's variable scopes: every element instance is a scope inside its flow scope, the
 * process instance is the root. Reading sees the nearest definition of a name; writing either
 * sets a local variable, or propagates: the nearest scope that has the name is updated, and a
 * name no scope has is created at the root.
 */
export class VariableBehaviour {
  constructor(
    private readonly state: InstanceState,
    private readonly emit: (event: EngineEvent) => void,
    private readonly nextKey: () => string,
    /** How deeply a computed variable may be nested (variable-depth.ts). */
    readonly maxDepth: number,
  ) {}

  /**
   * A failure (incident of `errorType`) when a document the engine computed holds a variable
   * nested deeper than variables may be; `where` says where it came from, e.g. "from the output
   * mappings of 'task'".
   */
  checkDepth(document: Record<string, unknown>, errorType: Failure['errorType'], where: string): Failure | undefined {
    return checkComputedDepth(document, this.maxDepth, errorType, where);
  }

  /** The variables visible from a scope, inner definitions shadowing outer ones. */
  visible(scopeKey: string): Record<string, unknown> {
    const chain = this.scopeChain(scopeKey);
    const result: Record<string, unknown> = {};
    for (const key of chain.reverse()) {
      for (const [name, variable] of this.state.variablesOf(key)) setOwn(result, name, variable.value);
    }
    return result;
  }

  /** Creates or updates a variable in exactly this scope (no event when the value is unchanged). */
  setLocal(scopeKey: string, name: string, value: unknown): void {
    const existing = this.state.variablesOf(scopeKey).get(name);
    const copy = cloneJson(value === undefined ? null : value);
    if (existing) {
      if (!sameJson(existing.value, copy)) this.emit({ type: 'VARIABLE_UPDATED', variableKey: existing.variableKey, scopeKey, name, value: copy });
    } else {
      this.emit({ type: 'VARIABLE_CREATED', variableKey: this.nextKey(), scopeKey, name, value: copy });
    }
  }

  setLocalDocument(scopeKey: string, document: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(document)) this.setLocal(scopeKey, name, value);
  }

  /** Merges a document into the instance, starting at `scopeKey` (Camunda's variable propagation). */
  propagate(scopeKey: string, document: Record<string, unknown>): void {
    const chain = this.scopeChain(scopeKey);
    const root = chain.at(-1)!;
    for (const [name, value] of Object.entries(document)) {
      const owner = chain.find((key) => this.state.variablesOf(key).has(name)) ?? root;
      this.setLocal(owner, name, value);
    }
  }

  /**
   * Evaluates input mappings against the variables visible in the flow scope (plus `own`: an
   * inner multi-instance instance's input element and loop counter). Each mapping also sees the
   * ones before it. Returns the document of local variables to create.
   */
  evaluateInputs(mappings: VariableMapping[], flowScopeKey: string, evaluator: ValueEvaluator, elementId: string, own: Record<string, unknown> = {}): Record<string, unknown> | Failure {
    const context = { ...this.visible(flowScopeKey), ...own };
    const locals: Record<string, unknown> = {};
    for (const mapping of mappings) {
      const value = evaluator.any(mapping.source, { ...context, ...locals });
      if (value instanceof Failure) return new Failure('IO_MAPPING_ERROR', `Failed to evaluate input mapping '${mapping.target}' of '${elementId}': ${value.message}`);
      const [head, ...rest] = targetPath(mapping.target) as [string, ...string[]];
      setOwn(locals, head, setAtPath(ownValue(locals, head) ?? ownValue(context, head), rest, value));
    }
    return this.checkDepth(locals, 'IO_MAPPING_ERROR', `from the input mappings of '${elementId}'`) ?? locals;
  }

  /**
   * Evaluates output mappings against the element's own scope; returns the document to merge
   * into `mergeScopeKey` (the flow scope; an inner multi-instance instance's own scope). A dotted
   * target updates the variable it starts with, as seen from there.
   */
  evaluateOutputs(mappings: VariableMapping[], elementScopeKey: string, mergeScopeKey: string, evaluator: ValueEvaluator, elementId: string): Record<string, unknown> | Failure {
    const context = this.visible(elementScopeKey);
    const outer = this.visible(mergeScopeKey);
    const document: Record<string, unknown> = {};
    for (const mapping of mappings) {
      const value = evaluator.any(mapping.source, context);
      if (value instanceof Failure) return new Failure('IO_MAPPING_ERROR', `Failed to evaluate output mapping '${mapping.target}' of '${elementId}': ${value.message}`);
      const [head, ...rest] = targetPath(mapping.target) as [string, ...string[]];
      setOwn(document, head, setAtPath(ownValue(document, head) ?? ownValue(outer, head), rest, value));
    }
    return this.checkDepth(document, 'IO_MAPPING_ERROR', `from the output mappings of '${elementId}'`) ?? document;
  }

  /** The scope keys from `scopeKey` up to the process instance. */
  private scopeChain(scopeKey: string): string[] {
    const chain: string[] = [];
    let key: string | null = scopeKey;
    while (key) {
      chain.push(key);
      key = this.state.element(key)?.flowScopeKey ?? null;
    }
    return chain;
  }
}
