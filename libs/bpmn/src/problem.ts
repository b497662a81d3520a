/**
 * A deploy-time finding about a BPMN resource: a problem (the resource is refused) or a warning
 * (it deploys; something is ignored or looks wrong).
 */
export interface BpmnProblem {
  /** The id of the rule that found it, e.g. `'supported-element'`; `'xml'` for parse errors, `'internal'` for bugs. */
  rule: string;
  /** A sentence a modeler understands, saying what was expected and what was found, naming the element. */
  message: string;
  elementId?: string;
  /** The verbatim BPMN type of the element, e.g. `'bpmn:ServiceTask'`. */
  elementType?: string;
  /** The id of the process the element belongs to. */
  processId?: string;
  /** 1-based line of an XML syntax error, when the parser gives it. */
  line?: number;
  /** 1-based column of an XML syntax error, when the parser gives it. */
  column?: number;
  /** The resource (file) the problem is in: `options.resourceName` of `compileBpmn`, for deployments of several files. */
  resourceName?: string;
}
