import { FeelService } from '#feel';
import { compileProcess } from './compile/compile-process.js';
import type { ExecutableProcess } from './model/executable-process.js';
import { idOf } from './parse/moddle-element.js';
import { parseBpmnXml } from './parse/parse-bpmn-xml.js';
import type { BpmnProblem } from './problem.js';
import { ALL_RULES } from './rules/all-rules.js';
import { internalProblem, runRules } from './validate/run-rules.js';
import { ValidationContext } from './validate/validation-context.js';

/** The outcome of `compileBpmn`: the compiled processes, or every problem found; warnings either way. */
export type BpmnCompileResult =
  | { ok: true; processes: ExecutableProcess[]; warnings: BpmnProblem[] }
  | { ok: false; problems: BpmnProblem[]; warnings: BpmnProblem[] };

/** Options of `compileBpmn`. */
export interface CompileBpmnOptions {
  /** The file name the XML was deployed as (e.g. `order.bpmn`); copied into every problem and warning as `resourceName`. */
  resourceName: string;
}

const feel = new FeelService();

/**
 * Parses, validates and compiles a BPMN 2.0 XML resource (Camunda 8 dialect). Every problem is
 * reported at once; the executable processes are compiled only when there is none. Never throws:
 * unreadable input, a DMN file or a Camunda 7 model all come back as problems, and an unexpected
 * exception becomes an `internal` problem.
 */
export async function compileBpmn(xml: string, options: CompileBpmnOptions): Promise<BpmnCompileResult> {
  const result = await compileUnlabelled(xml);
  const resourceName = typeof options?.resourceName === 'string' ? options.resourceName : '';
  const label = (problems: BpmnProblem[]): BpmnProblem[] => (resourceName === '' ? problems : problems.map((problem) => ({ ...problem, resourceName })));
  return result.ok ? { ...result, warnings: label(result.warnings) } : { ok: false, problems: label(result.problems), warnings: label(result.warnings) };
}

async function compileUnlabelled(xml: string): Promise<BpmnCompileResult> {
  try {
    const parsed = await parseBpmnXml(xml);
    if (!parsed.ok) return parsed;
    const context = new ValidationContext(parsed.parsed, feel);
    const checked = runRules(ALL_RULES, context);
    const problems = [...parsed.parsed.problems, ...checked.problems];
    const warnings = [...parsed.parsed.warnings, ...checked.warnings];
    if (problems.length > 0) return { ok: false, problems, warnings };
    const processes: ExecutableProcess[] = [];
    for (const process of context.processes) {
      try {
        processes.push(compileProcess(process, context));
      } catch (error) {
        const processId = idOf(process);
        problems.push({ ...internalProblem(`compiling process '${processId ?? '?'}'`, error), ...(processId === undefined ? {} : { processId }) });
      }
    }
    return problems.length > 0 ? { ok: false, problems, warnings } : { ok: true, processes, warnings };
  } catch (error) {
    return { ok: false, problems: [internalProblem('reading the resource', error)], warnings: [] };
  }
}
