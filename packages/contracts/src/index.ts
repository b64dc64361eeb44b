export * from './primitives.ts';
export * from './envelope.ts';
export * from './events/users.ts';
export * from './events/shop.ts';
export * from './api/shop.ts';
export * from './demo.ts';
