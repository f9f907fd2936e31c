import 'reflect-metadata';

export * from './auth';
export * from './bulk';
export * from './config';
export * from './context';
export * from './database';
export * from './errors';
export * from './events';
export * from './http';
export * from './loaders';
export * from './logger';
export * from './nats-bus';
export * from './schema';
export * from './service';
export * from './viewer';
export { SHARED_ENUMS, describedValues } from './shared-enums';
export { isUuid, returned, encodeCursor, decodeCursor, PageInfo } from './paging';
