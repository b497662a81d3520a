import { BpmnError, type WorkerJob } from '#worker-sdk';
import type { HandlerDefinition } from './job-handler.js';
import type { Outbox } from './outbox.js';

interface TripVariables {
  tripId?: string;
  traveller?: { name?: string; email?: string };
  destination?: string;
  /** `luxury` makes the car rental refuse the booking (CAR_UNAVAILABLE), which starts the compensation. */
  carCategory?: string;
  hotelBookingId?: string;
  flightBookingId?: string;
}

const trip = (job: WorkerJob) => job.variables as TripVariables;

/**
 * The trip-booking saga's handlers (processes/trip-booking.bpmn): a hotel, an airline and a car
 * rental, and the cancellations the model runs as compensation handlers. They record what they
 * did in the local outbox (`bookings.jsonl`), so the order of bookings and cancellations can be read there.
 */
export function tripHandlers(outbox: Outbox): HandlerDefinition[] {
  const book = (kind: 'hotel' | 'flight' | 'car', idVariable: string): HandlerDefinition => ({
    type: `book-${kind}`,
    handler: async (job) => {
      const { tripId, destination, carCategory } = trip(job);
      if (kind === 'car' && carCategory === 'luxury') throw new BpmnError('CAR_UNAVAILABLE', `No ${carCategory} car available in ${destination ?? 'the destination'} for trip ${tripId ?? job.key}`);
      const bookingId = `${kind}-${job.key}`;
      await outbox.append('bookings.jsonl', { jobKey: job.key, action: 'book', kind, tripId, destination, bookingId });
      return { [idVariable]: bookingId };
    },
  });
  const cancel = (kind: 'hotel' | 'flight', idVariable: 'hotelBookingId' | 'flightBookingId'): HandlerDefinition => ({
    type: `cancel-${kind}`,
    handler: async (job) => {
      const { tripId } = trip(job);
      const bookingId = trip(job)[idVariable];
      await outbox.append('bookings.jsonl', { jobKey: job.key, action: 'cancel', kind, tripId, bookingId });
      return { [`${kind}Cancelled`]: true };
    },
  });
  return [book('hotel', 'hotelBookingId'), book('flight', 'flightBookingId'), book('car', 'carBookingId'), cancel('hotel', 'hotelBookingId'), cancel('flight', 'flightBookingId')];
}
