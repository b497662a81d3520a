/**
 * Type declarations for the bpmn-io packages the modeler uses that ship no TypeScript types.
 * Only what Baton calls is declared; bpmn-js and diagram-js bring their own types.
 */

declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';

  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
  /** A diagram service, inside a properties-panel entry component. */
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  /** A labelled select of the properties panel; a (preact) component called as a function. */
  export function SelectEntry(props: {
    element: unknown;
    id: string;
    label: string;
    description?: string;
    getValue: (element: unknown) => string;
    setValue: (value: string) => void;
    getOptions: (element: unknown) => Array<{ value: string; label: string; disabled?: boolean }>;
  }): unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  import type { ModuleDeclaration } from 'didi';

  const ZeebeBehaviorsModule: ModuleDeclaration;
  export default ZeebeBehaviorsModule;
}

declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'bpmn-js-bpmnlint' {
  import type { ModuleDeclaration } from 'didi';

  /** bpmn-js-bpmnlint's module: lints on every change and fires `linting.completed`. */
  const LintingModule: ModuleDeclaration;
  export default LintingModule;
}

declare module 'bpmnlint-plugin-camunda-compat' {
  /** Camunda's compatibility rule sets, one per version (`camunda-cloud-8-8`, ...). */
  const plugin: { configs: Record<string, { rules: Record<string, unknown> }>; rules: Record<string, string> };
  export default plugin;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/*' {
  const rule: (config?: unknown) => unknown;
  export default rule;
}

declare module 'bpmnlint/rules/*' {
  const rule: (config?: unknown) => unknown;
  export default rule;
}

declare module 'bpmnlint/lib/linter' {
  /** bpmnlint's linter (what bpmn-js-bpmnlint runs); the unit tests run it directly. */
  export default class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: unknown): Promise<Record<string, Array<{ id: string; message: string; category: string }>>>;
  }
}

declare module 'bpmn-moddle' {
  /** bpmn-moddle 10 (the unit tests read models with it; bpmn-js brings its own). */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: { $type: string; id?: string } }>;
  }
}
