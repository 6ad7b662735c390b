export * from './test-service';
export * from './event-probe';
export * from './eventually';
export * from './service-process';
export * from './event-producer';
export * from './booking-history';
export * from './throwaway-postgres';
