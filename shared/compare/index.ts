export * from './points-lost';
export * from './compare';
export * from './what-if';
export * from './field-ranks';
