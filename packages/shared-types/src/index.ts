export * from './credit-code';
export * from './region';
export * from './roles';
export * from './enterprise';
export * from './events';
export * from './divisions';
export * from './service-work';
export * from './random';
