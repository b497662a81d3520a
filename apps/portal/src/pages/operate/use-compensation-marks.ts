import { useEffect, useState } from 'react';
import { useApi } from '../../session/session.context';
import { loadCompensationMarks, type CompensationMark } from './compensation-marks';

/** The compensation handlers of an instance, read again whenever the page refreshed the instance (`revision`). */
export function useCompensationMarks(processInstanceKey: string, revision: number): CompensationMark[] {
  const api = useApi();
  const [marks, setMarks] = useState<CompensationMark[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    loadCompensationMarks(api, processInstanceKey, controller.signal).then(
      (loaded) => setMarks((previous) => (JSON.stringify(previous) === JSON.stringify(loaded) ? previous : loaded)),
      () => undefined, // the history card shows why the audit log cannot be read
    );
    return () => controller.abort();
  }, [api, processInstanceKey, revision]);
  return marks;
}
