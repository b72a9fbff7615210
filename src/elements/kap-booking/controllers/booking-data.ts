/**
 * What `<kap-booking>` reads from the backend, as `@lit/task`s: the managed booking, the service
 * (and every service, for the name of one that opens a follow-up window), the booking that opens
 * a follow-up service's window, and a week of free times. Failures reach the element through each
 * task's `onError`; the zones times are shown in and a follow-up window follow from the answers.
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { RequestOptions } from '../../../api/client.js';
import type { ApiConnection } from '../../../api/connection.js';
import { getAvailability, getBooking, getServices } from '../../../api/endpoints.js';
import { KapApiError } from '../../../api/errors.js';
import type { Booking, Service } from '../../../api/schemas.js';
import { isTimeZone } from '../../../api/time-zone.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import { weekAvailabilityRange } from '../../../scheduling/slots.js';
import { browserTimeZone } from '../../../scheduling/zones.js';
import { followUpWindow, type OpenWindow } from '../follow-up-window.js';
import { servicesIn } from '../service-language.js';

export interface BookingDataContext {
  client(): ApiConnection | undefined;
  /** Aborts when the element leaves the page. */
  connection(): AbortSignal;
  loadOptions(signal: AbortSignal): RequestOptions;
  language(): string;
  /** The service shown: the managed booking's, or the `service` attribute. */
  serviceId(): string | undefined;
  /** Manage mode: the booking to read and its token. */
  managed(): BookingAccess | undefined;
  /** The booking that opens a follow-up service's window, and its token. */
  opener(): BookingAccess | undefined;
  /** The first day of the week shown. */
  week(): string;
  /** Whether the time picker is on screen: availability is asked only then. */
  pickerOpen(): boolean;
  /** The `time-zone` attribute. */
  timeZone(): string | null;
  /** The managed booking as the backend describes it. */
  managedRead(booking: Booking): void;
  /** Report a failure the client is shown (`kap-error`). */
  failed(error: unknown): void;
}

/** Manage mode: the booking being managed, read with its token. */
function managedTask(host: ReactiveControllerHost, context: BookingDataContext) {
  return new Task(host, {
    task: async ([client, bookingId, token], { signal }) => {
      if (!client || !bookingId || !token) return initialState;
      return getBooking(client, bookingId, token, context.loadOptions(signal));
    },
    args: () => {
      const access = context.managed();
      return [context.client(), access?.bookingId, access?.token, context.connection()] as const;
    },
    onComplete: (booking) => context.managedRead(booking),
    onError: (error) => context.failed(error),
  });
}

function serviceTask(host: ReactiveControllerHost, context: BookingDataContext, data: BookingData) {
  return new Task(host, {
    task: async ([client, serviceId, , language], { signal }) => {
      if (!client || !serviceId) return initialState;
      const services = servicesIn(await getServices(client, context.loadOptions(signal)), language);
      data.services = services;
      const service = services.find((candidate) => candidate.id === serviceId);
      if (service) return service;
      const detail = `the backend has no service "${serviceId}"; it offers ${services.map((known) => known.id).join(', ')}`;
      throw new KapApiError(detail, { kind: 'configuration', code: 'unknown_service' });
    },
    args: () => [context.client(), context.serviceId(), context.connection(), context.language()] as const,
    onError: (error) => context.failed(error),
  });
}

/** A follow-up service: the booking that opens its window, read with its token. */
function openerTask(host: ReactiveControllerHost, context: BookingDataContext, data: BookingData) {
  return new Task(host, {
    task: async ([client, followUp, bookingId, token], { signal }) => {
      if (!client || !followUp || !bookingId || !token) return initialState;
      return getBooking(client, bookingId, token, context.loadOptions(signal));
    },
    args: () => {
      const followUp = data.service.value?.followUp;
      const opener = followUp ? context.opener() : undefined;
      return [context.client(), followUp, opener?.bookingId, opener?.token, context.connection()] as const;
    },
    onError: (error) => context.failed(error),
  });
}

function availabilityTask(host: ReactiveControllerHost, context: BookingDataContext, data: BookingData) {
  return new Task(host, {
    task: async ([client, service, week, open, window, after, afterToken], { signal }) => {
      if (!client || !service || !open) return initialState;
      // A follow-up service has no times of its own, only those in its window.
      if (service.followUp && !(window && after && afterToken)) return initialState;
      const query = {
        service: service.id,
        ...weekAvailabilityRange(week, data.displayZone, Date.now()),
        ...(service.followUp ? { after } : {}),
      };
      return getAvailability(client, query, {
        ...context.loadOptions(signal),
        ...(service.followUp ? { token: afterToken } : {}),
      });
    },
    args: () => {
      const opener = context.opener();
      return [
        context.client(),
        data.service.value,
        context.week(),
        context.pickerOpen(),
        data.window?.start,
        opener?.bookingId,
        opener?.token,
        context.connection(),
      ] as const;
    },
    onComplete: (availability) => {
      data.clinicZone = availability.timeZone;
    },
    onError: (error) => context.failed(error),
  });
}

export class BookingData {
  /** Every service the backend lists, for the name of the one opening a follow-up window. */
  services: Service[] = [];
  /** The clinic's zone, learned from the first availability answer. */
  clinicZone: string | undefined;

  readonly #context: BookingDataContext;
  readonly managed: ReturnType<typeof managedTask>;
  readonly service: ReturnType<typeof serviceTask>;
  readonly opener: ReturnType<typeof openerTask>;
  readonly availability: ReturnType<typeof availabilityTask>;

  /** The tasks join `host` in this order, after the controllers added before. */
  constructor(host: ReactiveControllerHost, context: BookingDataContext) {
    this.#context = context;
    this.managed = managedTask(host, context);
    this.service = serviceTask(host, context, this);
    this.opener = openerTask(host, context, this);
    this.availability = availabilityTask(host, context, this);
  }

  /** A new service: its zone is learned again. */
  serviceChanged(): void {
    this.clinicZone = undefined;
  }

  /** A follow-up service's window, once a booking that can open it is known. */
  get window(): OpenWindow | undefined {
    const followUp = this.service.value?.followUp;
    const opener = this.opener.status === TaskStatus.COMPLETE ? this.opener.value : undefined;
    if (!followUp || !opener || opener.service !== followUp.after || opener.status === 'cancelled') return undefined;
    return followUpWindow(opener, followUp);
  }

  /** The zone of the client's own clock. */
  get clientZone(): string {
    const zone = this.#context.timeZone();
    return zone && isTimeZone(zone) ? zone : browserTimeZone();
  }

  /** The zone times are shown in: the clinic's for in-person services, else the client's. */
  get displayZone(): string {
    const inPerson = this.service.value?.location === 'in_person';
    return inPerson && this.clinicZone ? this.clinicZone : this.clientZone;
  }

  /** The name of the service whose booking opens `service`'s window. */
  openerName(service: Service): string {
    const id = service.followUp?.after ?? '';
    return this.services.find((candidate) => candidate.id === id)?.name ?? id;
  }
}
