import { BpmnError, type WorkerJob } from '#worker-sdk';
import type { HandlerDefinition } from './job-handler.js';
import type { Outbox } from './outbox.js';

interface OrderVariables {
  orderId?: string;
  amount?: number;
  customer?: { name?: string; email?: string };
  card?: { number?: string };
  items?: Array<{ sku: string; quantity: number }>;
  /** Demo switch: the payment gateway fails the first attempt, so the retry is visible. */
  flakyPayment?: boolean;
}

const order = (job: WorkerJob) => job.variables as OrderVariables;

/**
 * The order processes' handlers (processes/order-fulfilment.bpmn, order-payment.bpmn). They decide like a
 * payment provider, a warehouse and a carrier would, from the order's variables, and record
 * what they did in the local outbox.
 */
export function orderHandlers(outbox: Outbox): HandlerDefinition[] {
  return [
    {
      type: 'charge-payment',
      options: { backoff: { type: 'exponential', delay: 1000 } },
      handler: async (job) => {
        const { orderId, amount = 0, card, flakyPayment } = order(job);
        if (flakyPayment && job.retries === 3) throw new Error('Payment gateway timed out (simulated: flakyPayment)');
        if (card?.number?.endsWith('0000')) throw new BpmnError('PAYMENT_DECLINED', `Card ending 0000 declined for order ${orderId}`, { declineReason: 'card declined' });
        const paymentId = `pay-${job.key}`;
        await outbox.append('payments.jsonl', { jobKey: job.key, kind: 'charge', orderId, amount, paymentId });
        return { paymentId, chargedAmount: amount };
      },
    },
    {
      type: 'reserve-inventory',
      handler: async (job) => {
        const { orderId, items = [] } = order(job);
        const missing = items.filter((item) => item.sku.startsWith('OUT-') || item.quantity > 100);
        if (missing.length > 0) throw new BpmnError('OUT_OF_STOCK', `Not in stock: ${missing.map((i) => i.sku).join(', ')}`, { missingSkus: missing.map((i) => i.sku) });
        const reservationId = `res-${job.key}`;
        await outbox.append('inventory.jsonl', { jobKey: job.key, kind: 'reserve', orderId, items, reservationId });
        return { reservationId };
      },
    },
    {
      type: 'ship-order',
      handler: async (job) => {
        const { orderId, customer } = order(job);
        const trackingNumber = `TRK${job.key.slice(-10)}`;
        await outbox.append('shipments.jsonl', { jobKey: job.key, orderId, to: customer?.name, trackingNumber });
        return { trackingNumber };
      },
    },
    {
      type: 'request-payment',
      handler: async (job) => {
        // processes/order-payment.bpmn: the provider would send the customer this link and later
        // publish "payment-received" with the order number (the README shows that call).
        const { orderId, amount = 0, customer } = order(job);
        const paymentLink = `https://pay.example.com/baton/${encodeURIComponent(orderId ?? job.key)}`;
        await outbox.append('payments.jsonl', { jobKey: job.key, kind: 'payment-request', orderId, amount, to: customer?.email, paymentLink });
        return { paymentLink };
      },
    },
    {
      type: 'refund-payment',
      handler: async (job) => {
        const { orderId, amount } = order(job);
        const paymentId = job.variables.paymentId as string | undefined;
        const refundId = `ref-${job.key}`;
        await outbox.append('payments.jsonl', { jobKey: job.key, kind: 'refund', orderId, amount, paymentId, refundId });
        return { refundId };
      },
    },
    {
      type: 'send-email',
      handler: async (job) => {
        const { customer, orderId } = order(job);
        const template = job.customHeaders.template ?? 'notification';
        const subject = fill(job.customHeaders.subject ?? `Order ${orderId ?? ''}: ${template}`, job.variables);
        const to = customer?.email ?? (job.variables.email as string | undefined);
        if (!to) throw new BpmnError('NO_RECIPIENT', 'The order has no customer email');
        await outbox.append('emails.jsonl', { jobKey: job.key, to, subject, template, orderId });
        return { lastEmailSubject: subject };
      },
    },
  ];
}

/** Replaces `{name}` and `{a.b}` by variable values. */
function fill(text: string, variables: Record<string, unknown>): string {
  return text.replace(/\{([\w.]+)\}/g, (_, path: string) => {
    const value = path.split('.').reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), variables);
    return value === undefined ? '' : String(value);
  });
}
