/**
 * What the modeler checks while the analyst models: Camunda's own compatibility rules for
 * Camunda 8.8 (bpmnlint-plugin-camunda-compat's "camunda-cloud-8-8", the rules Camunda Modeler
 * runs for that version) and Baton's {@link LINKED_FORM_RULE}. The bpmnlint configuration is
 * built here rather than packed by `bpmnlint-pack-config`: the resolver answers from statically
 * imported rules ({@link CAMUNDA_COMPAT_RULES}), which Vite bundles like any other import.
 */
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import { linkedFormDeployedRule, LINKED_FORM_RULE, type DeployedFormIds } from './linked-form.rule';
import { CAMUNDA_COMPAT_RULES, type LintRuleFactory } from './lint-rules';

/** The Camunda version whose rules apply: Baton's API is Camunda 8.8's. */
export const CAMUNDA_LINT_CONFIG = 'camunda-cloud-8-8';

/** A bpmnlint configuration with its resolver, as bpmnlint's `Linter` and bpmn-js-bpmnlint take it. */
export interface LintSetup {
  config: { extends: string; rules: Record<string, string> };
  resolver: {
    resolveRule(pkg: string, ruleName: string): LintRuleFactory;
    resolveConfig(pkg: string, configName: string): unknown;
  };
}

/** The modeler's lint setup; `deployedFormIds` feeds {@link LINKED_FORM_RULE}. */
export function createLintSetup(deployedFormIds: DeployedFormIds): LintSetup {
  const linkedForm = linkedFormDeployedRule(deployedFormIds);
  return {
    config: { extends: `plugin:camunda-compat/${CAMUNDA_LINT_CONFIG}`, rules: { [LINKED_FORM_RULE]: 'error' } },
    resolver: {
      resolveRule(pkg, ruleName) {
        if (pkg === 'bpmnlint-plugin-baton' && `baton/${ruleName}` === LINKED_FORM_RULE) return linkedForm;
        if (pkg === 'bpmnlint' && ruleName === 'start-event-required') return executableOnly(CAMUNDA_COMPAT_RULES['bpmnlint/start-event-required']!);
        const rule = pkg === 'bpmnlint' ? CAMUNDA_COMPAT_RULES[`bpmnlint/${ruleName}`] : pkg === 'bpmnlint-plugin-camunda-compat' ? CAMUNDA_COMPAT_RULES[ruleName] : undefined;
        if (!rule) throw new Error(`Expected a bundled lint rule for ${pkg}/${ruleName} but there is none`);
        return rule;
      },
      resolveConfig(pkg, configName) {
        const config = pkg === 'bpmnlint-plugin-camunda-compat' ? (camundaCompat.configs as Record<string, unknown>)[configName] : undefined;
        if (!config) throw new Error(`Expected the lint configuration ${pkg}/${configName} but there is none`);
        return config;
      },
    },
  };
}

interface CheckedNode {
  $type: string;
  isExecutable?: boolean;
}

/**
 * bpmnlint's `start-event-required` for executable processes only: a pool that only documents a
 * partner (not executable) needs no start event, and the engine deploys it (Camunda's own rules
 * skip such processes the same way).
 */
function executableOnly(factory: LintRuleFactory): LintRuleFactory {
  return (config) => {
    const rule = factory(config) as { check(node: CheckedNode, reporter: unknown): void };
    return {
      check(node: CheckedNode, reporter: unknown) {
        if (node.$type === 'bpmn:Process' && node.isExecutable !== true) return;
        rule.check(node, reporter);
      },
    };
  };
}
