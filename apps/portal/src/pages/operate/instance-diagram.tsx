/**
 * The instance's BPMN diagram (bpmn-js NavigatedViewer, loaded only with this module): the path
 * taken (completed elements and the sequence flows taken) in the brand color, active elements
 * outlined green with a token count, incidents outlined red with their count, canceled elements
 * greyed, and what waiting elements wait for (message, signal, timer, condition) as a badge on
 * each catching element. Pan by dragging, zoom with the wheel or the buttons.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import type { InstanceWait } from '../../api/events.api';
import type { ElementStatistics } from '../../api/monitoring.api';
import { waitsByCatchElement, waitText } from './wait-text';

/** The parts of diagram-js's services used here. */
interface Canvas {
  zoom(scale?: number | 'fit-viewport', center?: 'auto' | { x: number; y: number }): number;
  addMarker(element: string, marker: string): void;
  removeMarker(element: string, marker: string): void;
  resized(): void;
}
interface Overlays {
  add(element: string, type: string, overlay: { position: { top?: number; bottom?: number; left?: number; right?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
  getAll(): Array<{ id: string; type: string }>;
}

const OVERLAY_TYPE = 'baton-instance-state';
const WAIT_OVERLAY_TYPE = 'baton-instance-waits';

export interface InstanceDiagramProps {
  xml: string;
  statistics: ElementStatistics[];
  flowsTaken: string[];
  /** What waiting elements wait for: a badge on each catching element. */
  waits: InstanceWait[];
  /** Name of the diagram for assistive technology, e.g. "Diagram of Expense approval, version 2". */
  label: string;
}

export default function InstanceDiagram({ xml, statistics, flowsTaken, waits, label }: InstanceDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<NavigatedViewer | null>(null);
  const [imported, setImported] = useState<{ xml: string; error: string | null; empty: boolean } | null>(null);

  // The diagram follows the container's size (fitting it) until the user pans or zooms.
  const autoFit = useRef(true);

  useEffect(() => {
    const element = container.current!;
    const viewer = new NavigatedViewer({ container: element });
    viewerRef.current = viewer;
    const observer = new ResizeObserver(() => {
      // A container without size (the page being left) has no viewport to fit: bpmn-js would scale by Infinity.
      if (element.clientWidth === 0 || element.clientHeight === 0) return;
      const canvas = viewer.get<Canvas>('canvas');
      canvas.resized();
      if (autoFit.current) fitWithMargin(canvas);
    });
    observer.observe(element);
    const userMoves = () => {
      autoFit.current = false;
    };
    for (const type of ['wheel', 'pointerdown', 'keydown'] as const) element.addEventListener(type, userMoves, { passive: true });
    return () => {
      for (const type of ['wheel', 'pointerdown', 'keydown'] as const) element.removeEventListener(type, userMoves);
      observer.disconnect();
      viewer.destroy();
      viewerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer) return;
    let stale = false;
    viewer.importXML(xml).then(
      () => {
        if (stale) return;
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        const shapes = registry.getAll().filter((element) => element.type !== 'bpmn:Process' && element.type !== 'label');
        fitWithMargin(viewer.get<Canvas>('canvas'));
        setImported({ xml, error: null, empty: shapes.length === 0 });
      },
      (error: unknown) => {
        if (!stale) setImported({ xml, error: error instanceof Error ? error.message : String(error), empty: false });
      },
    );
    return () => {
      stale = true;
    };
  }, [xml]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || imported?.xml !== xml || imported.error) return;
    const canvas = viewer.get<Canvas>('canvas');
    const overlays = viewer.get<Overlays>('overlays');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const marked: Array<[string, string]> = [];
    const mark = (id: string, marker: string) => {
      if (!registry.get(id)) return;
      canvas.addMarker(id, marker);
      marked.push([id, marker]);
    };

    overlays.remove({ type: OVERLAY_TYPE });
    for (const element of statistics) {
      if (!registry.get(element.elementId)) continue;
      if (element.completed > 0) mark(element.elementId, 'op-completed');
      if (element.canceled > 0 && element.active === 0 && element.incidents === 0 && element.completed === 0) mark(element.elementId, 'op-canceled');
      if (element.active > 0) mark(element.elementId, 'op-active');
      if (element.incidents > 0) mark(element.elementId, 'op-incident');
      const badges = document.createElement('div');
      badges.className = 'op-badges';
      if (element.active > 0) badges.append(badge('op-badge-active', element.active, 'active'));
      if (element.incidents > 0) badges.append(badge('op-badge-incident', element.incidents, element.incidents === 1 ? 'incident' : 'incidents'));
      if (element.canceled > 0) badges.append(badge('op-badge-canceled', element.canceled, 'canceled'));
      if (badges.childElementCount > 0) overlays.add(element.elementId, OVERLAY_TYPE, { position: { bottom: 10, left: -10 }, html: badges });
    }
    for (const flowId of flowsTaken) mark(flowId, 'op-flow-taken');
    overlays.remove({ type: WAIT_OVERLAY_TYPE });
    for (const [elementId, elementWaits] of waitsByCatchElement(waits)) {
      if (!registry.get(elementId)) continue;
      mark(elementId, 'op-waiting');
      overlays.add(elementId, WAIT_OVERLAY_TYPE, { position: { top: -28, left: -6 }, html: waitBadge(elementWaits) });
    }

    return () => {
      for (const [id, marker] of marked) canvas.removeMarker(id, marker);
    };
  }, [imported, xml, statistics, flowsTaken, waits]);

  const zoomBy = (factor: number) => {
    const canvas = viewerRef.current?.get<Canvas>('canvas');
    autoFit.current = false;
    if (canvas) canvas.zoom(canvas.zoom() * factor, 'auto');
  };
  const fit = () => {
    autoFit.current = true;
    const canvas = viewerRef.current?.get<Canvas>('canvas');
    if (canvas) fitWithMargin(canvas);
  };

  return (
    <div className="instance-diagram">
      <div ref={container} className="instance-diagram-canvas" role="img" aria-label={label} />
      <div className="diagram-zoom" role="group" aria-label="Zoom">
        <button type="button" className="icon-button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="icon-button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="icon-button icon-button-text" onClick={fit}>
          Fit
        </button>
      </div>
      {imported?.error && (
        <p className="diagram-notice" role="alert">
          The diagram could not be shown: {imported.error}
        </p>
      )}
      {imported?.empty && <p className="diagram-notice">This model has no diagram layout (BPMN DI), so there is nothing to draw. The tables below show its state.</p>}
    </div>
  );
}

/** Fits the whole diagram, with some room around it (bpmn-js fits edge to edge). */
function fitWithMargin(canvas: Canvas): void {
  const scale = canvas.zoom('fit-viewport', 'auto');
  if (scale < 1) canvas.zoom(scale * 0.92, 'auto');
}

function badge(className: string, count: number, word: string): HTMLElement {
  const element = document.createElement('span');
  element.className = `op-badge ${className}`;
  element.textContent = String(count);
  element.title = `${count} ${word}`;
  return element;
}

/** "message payment-received · key order-42" on a catching element (several waits: one line each). */
function waitBadge(waits: InstanceWait[]): HTMLElement {
  const element = document.createElement('div');
  element.className = 'op-wait-badge';
  for (const wait of waits) {
    const line = document.createElement('span');
    line.className = `op-wait op-wait-${wait.kind}`;
    line.textContent = waitText(wait);
    element.append(line);
  }
  element.title = waits.map((wait) => `Waiting for ${waitText(wait)}`).join('\n');
  return element;
}
