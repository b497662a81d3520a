/**
 * The shell sessions of a Markdown file (```bash blocks whose commands start with `$ `), read as
 * commands with the output they show, and a matcher that compares what a command printed with
 * what the file shows: keys and other long numbers differ from run to run (each is mapped to the
 * one seen, and later commands get the mapped value), times differ, and `...` elides.
 */
export interface ShownCommand {
  /** The heading of the section the command is in. */
  section: string;
  /** The command as typed (continuation lines included, `$ ` removed). */
  command: string;
  /** The output shown below it, or '' when none is shown. */
  output: string;
}

/** Every `$ ` command of every ```bash block, in order. A block with a command not starting with `$ ` is an error. */
export function shownCommands(markdown: string): ShownCommand[] {
  const commands: ShownCommand[] = [];
  let section = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('#')) section = lines[i]!.replace(/^#+\s*/, '');
    if (lines[i] !== '```bash') continue;
    const block: string[] = [];
    for (i++; lines[i] !== '```'; i++) block.push(lines[i]!);
    let current: ShownCommand | undefined;
    let inCommand = false;
    for (const line of block) {
      if (inCommand) {
        current!.command += `\n${line}`;
        inCommand = continues(current!.command);
      } else if (line.startsWith('$ ')) {
        current = { section, command: line.slice(2), output: '' };
        commands.push(current);
        inCommand = continues(current.command);
      } else if (line.startsWith('#') || line.trim() === '') {
        current = undefined;
      } else if (current) {
        current.output += (current.output ? '\n' : '') + line;
      } else {
        throw new Error(`In "${section}": a line that is neither a \`$ \` command, its output nor a comment: ${line}`);
      }
    }
  }
  return commands;
}

/** Whether the shell reads on: a trailing backslash, or a single-quoted string still open. */
function continues(command: string): boolean {
  if (command.endsWith('\\')) return true;
  let open = false;
  for (const char of command) if (char === "'") open = !open;
  return open;
}

const LONG_NUMBER = /\d{10,}/g;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * Matches `actual` against the `shown` output: numbers of 10 digits or more stand for any number
 * (returned as shown → seen, to be replaced in later commands), ISO times for any time, `...` for
 * anything, and line breaks with indentation for any white space. Returns null when it does not match.
 */
export function matchOutput(shown: string, actual: string): Map<string, string> | null {
  const numbers: string[] = [];
  const pattern = shown
    .trim()
    .split(/( ?\.\.\. ?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z|\d{10,}|\n\s*)/)
    .map((part) => {
      if (part.trim() === '...') return '[\\s\\S]*?';
      if (ISO_TIME.test(part)) return '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z';
      if (/^\d{10,}$/.test(part)) return numbers.push(part), '(\\d{10,})';
      if (/^\n\s*$/.test(part)) return '\\s*';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(actual.trim());
  if (!match) return null;
  const mapping = new Map<string, string>();
  numbers.forEach((number, index) => mapping.set(number, match[index + 1]!));
  return mapping;
}

/** Replaces the numbers the file shows by those this run produced. */
export function withSeenNumbers(command: string, seen: Map<string, string>): string {
  return command.replace(LONG_NUMBER, (number) => seen.get(number) ?? number);
}
