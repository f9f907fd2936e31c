export * from './credit-code';
export * from './region';
export * from './roles';
export * from './enterprise';
export * from './events';
