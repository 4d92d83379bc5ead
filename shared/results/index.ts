export * from './types';
export * from './engine';
export * from './components';
export * from '../framework/tree';
export * from '../appraisal/score-rules';
export * from './status';
