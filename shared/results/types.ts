import type { Block, BlockSettings, Framework, Score, Unit } from '../domain';

/** Everything the engine needs for one year: plain rows, as the workspace returns them. */
export interface YearScoringInput {
  year: number;
  blocks: Block[];
  /** every unit of the workspace (predecessors must be resolvable) */
  units: Unit[];
  frameworks: Framework[];
  scores: Score[];
  settings: BlockSettings[];
  /**
   * The codes of the units taking part (shared/units/participation.ts, from what the
   * workspace holds); when absent, the same rule is asked with this year's scores alone.
   */
  participants?: readonly string[];
}
