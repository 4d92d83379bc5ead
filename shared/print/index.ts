export * from '../compare/charts';
export * from './scorecard-data';
export * from './scorecard';
