import { evaluate, parseExpression } from 'feelin';
import type { FeelEvaluationOptions, FeelFailure, FeelResult, JsonValue } from './feel.types.js';

/**
 * The one door to FEEL. Wraps `feelin`, strips Camunda's leading `=`, and returns values or
 * typed failures — it never throws into the engine.
 */
export class FeelService {
  /** True when a model attribute is a FEEL expression (Camunda 8: it starts with `=`). */
  static isExpression(raw: string): boolean {
    return raw.trimStart().startsWith('=');
  }

  /** The expression without its leading `=` (and surrounding white space). */
  static stripEquals(raw: string): string {
    const trimmed = raw.trim();
    return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
  }

  /** Checks that an expression parses; returns the syntax failure, or undefined when it parses. */
  checkSyntax(expression: string): FeelFailure | undefined {
    const source = FeelService.stripEquals(expression);
    if (source === '') {
      return { code: 'FEEL_SYNTAX', message: 'Expected a FEEL expression but found nothing', expression: source, warnings: [] };
    }
    try {
      const tree = parseExpression(source, {}, undefined);
      let errorAt: number | undefined;
      tree.iterate({
        enter(node) {
          if (errorAt === undefined && node.type.isError) errorAt = node.from;
        },
      });
      if (errorAt !== undefined) {
        return { code: 'FEEL_SYNTAX', message: `Unexpected input at position ${errorAt}`, expression: source, position: errorAt, warnings: [] };
      }
      return undefined;
    } catch (error) {
      return { code: 'FEEL_SYNTAX', message: (error as Error).message, expression: source, warnings: [] };
    }
  }

  /** Evaluates an expression against variables. */
  evaluate(expression: string, variables: Record<string, unknown>, _options: FeelEvaluationOptions = {}): FeelResult<JsonValue> {
    const source = FeelService.stripEquals(expression);
    try {
      const { value, warnings } = evaluate(source, variables);
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as JsonValue, warnings: warnings.map((w) => ({ type: w.type, message: w.message })) };
    } catch (error) {
      return { ok: false, failure: { code: 'FEEL_EVALUATION', message: (error as Error).message, expression: source, warnings: [] } };
    }
  }
}
