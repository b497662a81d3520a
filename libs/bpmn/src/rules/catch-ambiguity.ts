import { caughtErrorCode, caughtEscalationCode, messageOf, nonBlank, signalOf } from '../parse/event-references.js';
import { idOf, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { eventKind } from './event-kind.js';

/** Where a group of catch events sits, for messages: `{ noun: 'boundary event', on: "on bpmn:Task 'T'", of: "of bpmn:Task 'T'" }`. */
export interface CatchGroup {
  /** What the events are: `boundary event`, `start event`. */
  noun: string;
  /** Phrase after "at most one catch-all error <noun> (...)", e.g. `on bpmn:Task 'T'`. */
  on: string;
  /** Phrase after "the error <noun>s", e.g. `of bpmn:Task 'T'`. */
  of: string;
}

/**
 * Why the catch events of one activity (its boundary events) or of one scope (the start events of
 * its event subprocesses) are ambiguous, as Camunda 8 refuses them: two catch-all error or
 * escalation events, two catching the same error or escalation code, two waiting for the same
 * message or signal name. A catch event for one code next to a catch-all is fine (the one with the
 * code wins). Messages in document order: catch-alls, then codes, per kind.
 */
export function ambiguousCatches(events: readonly ModdleElement[], group: CatchGroup): string[] {
  const problems: string[] = [];
  for (const kind of ['error', 'escalation'] as const) {
    const catchers = events.filter((event) => eventKind(event) === kind);
    const code = kind === 'error' ? caughtErrorCode : caughtEscalationCode;
    const catchAll = catchers.filter((event) => code(event) === undefined);
    if (catchAll.length > 1) {
      problems.push(`Expected at most one catch-all ${kind} ${group.noun} (without ${kind} code) ${group.on} but found ${catchAll.length}: ${names(catchAll)}`);
    }
    for (const [value, same] of groupBy(catchers, code)) {
      problems.push(`Expected the ${kind} ${group.noun}s ${group.of} to catch different ${kind} codes but ${names(same)} all catch '${value}'`);
    }
  }
  const waitsFor = { message: (event: ModdleElement) => nonBlank(stringProperty(messageOf(event), 'name')), signal: (event: ModdleElement) => nonBlank(stringProperty(signalOf(event), 'name')) };
  for (const kind of ['message', 'signal'] as const) {
    for (const [value, same] of groupBy(events.filter((event) => eventKind(event) === kind), waitsFor[kind])) {
      problems.push(`Expected the ${kind} ${group.noun}s ${group.of} to wait for different ${kind}s but ${names(same)} all wait for '${value}'`);
    }
  }
  return problems;
}

/** The groups of two or more events with the same defined key, in order of first appearance. */
function groupBy(events: readonly ModdleElement[], key: (event: ModdleElement) => string | undefined): [string, ModdleElement[]][] {
  const groups = new Map<string, ModdleElement[]>();
  for (const event of events) {
    const value = key(event);
    if (value !== undefined) groups.set(value, [...(groups.get(value) ?? []), event]);
  }
  return [...groups].filter(([, same]) => same.length > 1);
}

/** `'A', 'B'`: the ids of elements, quoted. */
export function names(elements: readonly ModdleElement[]): string {
  return elements.map((element) => `'${idOf(element) ?? '?'}'`).join(', ');
}
