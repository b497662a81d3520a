import { FeelService } from '#feel';
import type { ValueSource } from '../model/executable-process.js';

/** A model attribute as a ValueSource: FEEL when it starts with `=` (stored without it), else the static text as written. */
export function valueSource(raw: string): ValueSource {
  return FeelService.isExpression(raw) ? { kind: 'feel', expression: FeelService.stripEquals(raw) } : { kind: 'static', value: raw };
}

/** Like `valueSource`, but undefined for an absent or blank attribute. */
export function optionalValueSource(raw: string | undefined): ValueSource | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : valueSource(raw);
}
