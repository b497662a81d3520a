import { completeAtOnce, type ElementBehaviour } from './element-behaviour.js';

/** Start events, undefined and manual tasks: complete at once and take every outgoing flow. */
export const passThroughBehaviour: ElementBehaviour = {
  onActivate: () => completeAtOnce,
};
