export * from './test-service';
export * from './event-probe';
export * from './eventually';
export * from './service-process';
export * from './throwaway-postgres';
