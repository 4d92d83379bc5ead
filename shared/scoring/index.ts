export * from './types';
export * from './engine';
export * from './framework';
export * from './validate';
