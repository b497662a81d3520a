import { parseExpression, parseUnaryTests } from 'feelin';

/** What is being parsed: a full expression (`=a > 1`) or DMN-style unary tests (`> 1, < 10`). */
export type FeelSyntaxMode = 'expression' | 'unary-tests';

/** The Lezer tree feelin's parser produces (typed through feelin, which owns the dependency). */
export type FeelTree = ReturnType<typeof parseExpression>;
type SyntaxNode = FeelTree['topNode'];

/** A located syntax problem: where it is and a sentence saying what was expected there. */
export interface FeelSyntaxProblem {
  position: number;
  message: string;
}

/** Parses with feelin's grammar; `context` tells the parser which names (with spaces) exist. */
export function parseFeel(mode: FeelSyntaxMode, source: string, context: Record<string, unknown>): FeelTree {
  return mode === 'expression' ? parseExpression(source, context, undefined) : parseUnaryTests(source, context, undefined);
}

/**
 * The first syntax error in a parse tree, described as "Expected X but found Y at position N",
 * or undefined when the tree is error-free.
 *
 * Lezer recovers from errors by inserting error nodes; the first one, its parent construct and the
 * text around it say what was missing (a closing bracket, an operand, `then`, ...).
 */
export function findSyntaxProblem(source: string, tree: FeelTree, mode: FeelSyntaxMode = 'expression'): FeelSyntaxProblem | undefined {
  let error: SyntaxNode | undefined;
  tree.iterate({
    enter(ref) {
      if (error) return false;
      if (ref.type.isError) {
        error = ref.node;
        return false;
      }
      return undefined;
    },
  });
  if (!error) return undefined;

  const rest = source.slice(error.from);
  const unterminatedString = error.to > error.from && rest.startsWith('"') && !/^"(?:[^"\\]|\\.)*"/s.test(rest);
  if (unterminatedString) {
    return {
      position: error.from,
      message: `Expected a closing '"' for the string starting at position ${error.from} but found the end of the expression in '${source}'`,
    };
  }
  const position = error.to > error.from ? error.from : nextTokenStart(source, error.from);
  const found = error.to > error.from ? `'${source.slice(error.from, error.to)}'` : describeNextToken(source, position);
  const expected = describeExpected(source, error, mode);
  return { position, message: `Expected ${expected} but found ${found} at position ${position} in '${source}'` };
}

function nextTokenStart(source: string, from: number): number {
  let position = from;
  while (position < source.length && /\s/.test(source[position] ?? '')) position += 1;
  return position;
}

function describeNextToken(source: string, position: number): string {
  const rest = source.slice(position);
  if (rest.trim() === '') return 'the end of the expression';
  const token = /^(?:[A-Za-z_?][\w?]*|\d+(?:\.\d+)?|"[^"]*"?|\.\.|\*\*|[<>!]=|\S)/.exec(rest)?.[0] ?? rest[0];
  return `'${token}'`;
}

const CLOSERS: Record<string, string> = {
  ParenthesizedExpression: "')'",
  List: "',' or ']'",
  Context: "',' or '}'",
  FunctionDefinition: "a parameter list and a body, as in 'function(x) x + 1'",
};

const NEEDS_EXPRESSION_AFTER = new Set(['then', 'else', 'return', 'satisfies', 'in', 'and', 'or', 'between']);

function describeExpected(source: string, error: SyntaxNode, mode: FeelSyntaxMode): string {
  const parent = error.parent;
  const before = source.slice(0, error.from).trimEnd();
  const lastChar = before.at(-1);
  const lastWord = /([A-Za-z]+)$/.exec(before)?.[1];
  if (before === '') return mode === 'expression' ? 'an expression' : 'a unary test';
  if (lastWord === 'if') return "a condition after 'if'";
  if (lastWord === 'of' && /instance\s+of$/.test(before)) return "a type such as 'number' after 'instance of'";
  if (lastWord !== undefined && NEEDS_EXPRESSION_AFTER.has(lastWord)) return `an expression after '${lastWord}'`;
  if (!parent) return 'the end of the expression';

  const childNames = (): string[] => {
    const names: string[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) names.push(child.name);
    return names;
  };

  switch (parent.name) {
    case 'ParenthesizedExpression':
    case 'List':
    case 'Context':
      if (lastChar === ',' || lastChar === '(' || lastChar === '[' || lastChar === '{') {
        return parent.name === 'Context' ? "a context entry such as 'key: value'" : 'an expression';
      }
      return CLOSERS[parent.name] as string;
    case 'ContextEntry':
      return lastChar === ':' ? "a value after ':'" : "':' followed by a value";
    case 'FunctionInvocation':
    case 'PositionalParameters':
    case 'NamedParameters':
      return lastChar === ',' || lastChar === '(' ? 'a function argument' : "',' or ')'";
    case 'ArithmeticExpression':
    case 'Comparison':
    case 'Disjunction':
    case 'Conjunction':
    case 'SimplePositiveUnaryTest':
      return `an operand after '${lastOperator(before)}'`;
    case 'PositiveUnaryTests':
    case 'UnaryTests':
      return lastChar === ',' ? "another unary test after ','" : "',' or the end of the unary tests";
    case 'IfExpression': {
      const names = childNames();
      if (!names.includes('then')) return "'then'";
      return names.includes('else') ? 'an expression' : "'else'";
    }
    case 'ForExpression':
    case 'InExpressions':
    case 'InExpression':
      return childNames().includes('return') || parent.name !== 'ForExpression' ? "'in' followed by a list, or 'return'" : "'return'";
    case 'QuantifiedExpression':
      return "'satisfies'";
    case 'PathExpression':
      return "a name after '.'";
    case 'FilterExpression':
      return "a filter condition or an index, then ']'";
    case 'Interval':
      return "a range such as '[1..10]'";
    case 'FunctionDefinition':
      return CLOSERS.FunctionDefinition as string;
    default:
      if (error.to === error.from) return `the rest of the ${words(parent.name)}`;
      return mode === 'expression' ? 'an operator or the end of the expression' : "',' or the end of the unary tests";
  }
}

/** The operator or keyword right before the error (`+`, `or`, `>=`), for "an operand after '+'". */
function lastOperator(before: string): string {
  const match = /(\*\*|[<>!]=|[-+*/^<>=]|\b(?:and|or|between|in)\b)$/.exec(before);
  return match?.[0] ?? before.split(/\s+/).at(-1) ?? before;
}

/** `ArithmeticExpression` -> `arithmetic expression`. */
function words(nodeName: string): string {
  return nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
