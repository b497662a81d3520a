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
