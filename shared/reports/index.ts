export * from './charts';
export * from './scorecard-data';
export * from './scorecard';
