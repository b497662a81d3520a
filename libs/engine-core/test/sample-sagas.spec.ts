import { describe, expect, it } from 'vitest';
import { CoreHarness, SAMPLE_PROCESSES_DIR } from './support/core-harness.js';

/** The saga samples of `processes/` with real compensation (the handlers' order asserted). */
const compensationSteps = (h: CoreHarness) => h.history().filter((line) => line.startsWith('COMPENSATION_') || line.startsWith('ELEMENT_COMPLETED cancel-') || line.startsWith('ELEMENT_COMPLETED refund'));

describe('sample process: trip booking', () => {
  const load = () => CoreHarness.load(new URL('trip-booking.bpmn', SAMPLE_PROCESSES_DIR));

  it('books hotel, flight and car, and sends the itinerary', async () => {
    const h = await load();
    h.create({ tripId: 'TRIP-1', carCategory: 'compact' });
    h.completeJob('book-hotel', { hotelBookingId: 'H-1' });
    h.completeJob('book-flight', { flightBookingId: 'F-1' });
    h.completeJob('book-car', { carBookingId: 'C-1' });
    h.completeJob('send-confirmation');
    expect(h.state.instance!.state).toBe('COMPLETED');
    expect(compensationSteps(h)).toEqual(['COMPENSATION_SUBSCRIBED book-hotel @trip-booking handler=cancel-hotel', 'COMPENSATION_SUBSCRIBED book-flight @trip-booking handler=cancel-flight']);
  });

  it('a car that is not available cancels the flight, then the hotel, then tells the traveller', async () => {
    const h = await load();
    h.create({ tripId: 'TRIP-2', carCategory: 'luxury' });
    h.completeJob('book-hotel', { hotelBookingId: 'H-2' });
    h.completeJob('book-flight', { flightBookingId: 'F-2' });
    expect(h.throwJobError('book-car', 'CAR_UNAVAILABLE')).toContain('COMPENSATION_TRIGGERED book-flight #1 handler=cancel-flight');
    expect(h.activeElements()).toEqual(['cancel-flight:ACTIVATED', 'trip-booking:ACTIVATED', 'undo-flight:ACTIVATED']);
    expect(h.completeJob('cancel-flight', { flightCancelled: true })).toContain('COMPENSATION_TRIGGERED book-hotel #1 handler=cancel-hotel');
    expect(h.activeElements()).toEqual(['cancel-hotel:ACTIVATED', 'trip-booking:ACTIVATED', 'undo-hotel:ACTIVATED']);
    h.completeJob('cancel-hotel', { hotelCancelled: true });
    h.completeJob('notify-traveller');
    expect(h.state.instance!.state).toBe('COMPLETED');
    expect(compensationSteps(h).slice(2)).toEqual([
      'COMPENSATION_TRIGGERED book-flight #1 handler=cancel-flight',
      'COMPENSATION_HANDLER_ACTIVATED #1 cancel-flight for book-flight',
      'ELEMENT_COMPLETED cancel-flight',
      'COMPENSATION_HANDLER_COMPLETED #1 cancel-flight for book-flight',
      'COMPENSATION_TRIGGERED book-hotel #1 handler=cancel-hotel',
      'COMPENSATION_HANDLER_ACTIVATED #1 cancel-hotel for book-hotel',
      'ELEMENT_COMPLETED cancel-hotel',
      'COMPENSATION_HANDLER_COMPLETED #1 cancel-hotel for book-hotel',
    ]);
    expect(h.rootVariables()).toMatchObject({ flightCancelled: true, hotelCancelled: true });
  });
});

describe('sample process: order fulfilment', () => {
  const load = () => CoreHarness.load(new URL('order-fulfilment.bpmn', SAMPLE_PROCESSES_DIR));
  const order = { orderId: 'ORD-9', amount: 10, customer: { name: 'Ada', email: 'ada@example.com' }, card: { number: '4111' }, items: [{ sku: 'OUT-1', quantity: 1 }] };

  it('goods out of stock: the payment is undone by its compensation handler (the refund), then the customer is told', async () => {
    const h = await load();
    h.create(order);
    h.completeJob('charge-payment', { paymentId: 'pay-1' });
    expect(h.throwJobError('reserve-inventory', 'OUT_OF_STOCK', { missingSkus: ['OUT-1'] })).toContain('COMPENSATION_TRIGGERED charge-payment #1 handler=refund-payment');
    expect(h.job('refund-payment').retries).toBe(5);
    h.completeJob('refund-payment', { refundId: 'ref-1' });
    h.completeJob('notify-out-of-stock');
    expect(h.state.instance!.state).toBe('COMPLETED');
    expect(h.rootVariables()).toMatchObject({ paymentId: 'pay-1', refundId: 'ref-1', missingSkus: ['OUT-1'] });
    expect(h.history()).toContain('ELEMENT_COMPLETED order-cancelled');
  });

  it('a fulfilled order never refunds', async () => {
    const h = await load();
    h.create({ ...order, items: [{ sku: 'BOOK-1', quantity: 1 }] });
    for (const step of ['charge-payment', 'reserve-inventory', 'ship-order', 'send-confirmation']) h.completeJob(step);
    expect(h.state.instance!.state).toBe('COMPLETED');
    expect(h.history().filter((line) => line.includes('refund-payment') && !line.startsWith('COMPENSATION_SUBSCRIBED'))).toEqual([]);
  });
});
