/**
 * A bpmn-js module that offers the deployed forms in the Zeebe properties panel: wherever the
 * panel shows a linked form's "Form ID" (user tasks, start events), a "Deployed form" select
 * follows it, listing the form ids the engine has; picking one sets `zeebe:formDefinition formId`.
 * The Form ID field stays editable for forms that are not deployed yet.
 *
 * The page feeds the list in through the `deployedForms` service ({@link DeployedForms.set}).
 */
import type EventBus from 'diagram-js/lib/core/EventBus';
import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

/** A form id the engine has, with its newest version. */
export interface DeployedFormOption {
  formId: string;
  version: number;
}

/** What the select can tell about the list. */
export type DeployedFormsState = { status: 'loading' } | { status: 'loaded'; forms: readonly DeployedFormOption[] } | { status: 'failed'; message: string };

/** Holds the deployed forms for the panel; setting them re-renders the panel. */
export class DeployedForms {
  static $inject = ['eventBus'];
  private current: DeployedFormsState = { status: 'loading' };

  constructor(private readonly eventBus: EventBus) {}

  get state(): DeployedFormsState {
    return this.current;
  }

  set(state: DeployedFormsState): void {
    this.current = state;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}

interface PanelGroup {
  id: string;
  /** Plain groups have entries; list groups (`items`) have none. */
  entries?: Array<{ id: string; component: unknown; isEdited?: unknown }>;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: unknown): (groups: PanelGroup[]) => PanelGroup[] }): void;
}

/** After the Zeebe provider (priority 500) has built the "Form" group, adds the select below "Form ID". */
class DeployedFormsProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(250, this);
  }

  getGroups(): (groups: PanelGroup[]) => PanelGroup[] {
    return (groups) => {
      for (const group of groups) {
        const index = group.entries?.findIndex((entry) => entry.id === 'formId') ?? -1;
        if (index >= 0) group.entries!.splice(index + 1, 0, { id: 'deployedFormId', component: DeployedFormEntry, isEdited: isSelectEntryEdited });
      }
      return groups;
    };
  }
}

interface ModdleElement {
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

interface Modeling {
  updateModdleProperties(element: unknown, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}

function formDefinitionOf(element: unknown): ModdleElement | undefined {
  const extensionElements = getBusinessObject(element as never).get('extensionElements') as { get(name: string): ModdleElement[] } | undefined;
  return extensionElements?.get('values').find((value) => value.$instanceOf('zeebe:FormDefinition'));
}

const NONE = '';

/** The "Deployed form" select (a properties-panel entry; preact renders it). */
function DeployedFormEntry(props: { element: unknown; id: string }) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const deployedForms = useService<DeployedForms>('deployedForms');
  const state = deployedForms.state;
  const forms = state.status === 'loaded' ? state.forms : [];

  const currentFormId = () => {
    const formId = formDefinitionOf(element)?.get('formId');
    return typeof formId === 'string' ? formId : NONE;
  };

  const getOptions = () => {
    const current = currentFormId();
    const options = [{ value: NONE, label: forms.length > 0 ? '— Choose a deployed form —' : '— No deployed forms —' }];
    if (current !== NONE && !forms.some((form) => form.formId === current)) {
      options.push({ value: current, label: current.startsWith('=') ? `${current} (expression)` : `${current} (not deployed)` });
    }
    return [...options, ...forms.map((form) => ({ value: form.formId, label: `${form.formId} (version ${form.version})` }))];
  };

  const setValue = (formId: string) => {
    const formDefinition = formDefinitionOf(element);
    if (formDefinition) modeling.updateModdleProperties(element, formDefinition, { formId });
  };

  const description =
    state.status === 'loading'
      ? 'Loading the deployed forms…'
      : state.status === 'failed'
        ? `Could not load the deployed forms: ${state.message}`
        : forms.length === 0
          ? 'No form is deployed yet: create one in the form editor.'
          : 'Sets the Form ID to a form deployed on this engine.';

  return SelectEntry({ element, id, label: 'Deployed form', description, getValue: currentFormId, setValue, getOptions });
}

/** Register with `additionalModules` after the Zeebe properties provider. */
export const DeployedFormsModule = {
  __init__: ['deployedFormsProvider'],
  deployedForms: ['type', DeployedForms],
  deployedFormsProvider: ['type', DeployedFormsProvider],
};
