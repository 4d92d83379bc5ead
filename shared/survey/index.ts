export * from './model';
export * from './builtin';
export * from './indices';
export * from './change';
export * from './standing';
export * from './answers';
export * from './mapping';
export * from './api';
