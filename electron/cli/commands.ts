// Every command of `par-workbench`, feature by feature. Only the descriptions load here; a
// command's module loads when it runs, so `--help` and light commands answer at once.
import type { CommandSpec } from './framework';
import { commands as analysis } from '../features/analysis/commands';
import { commands as appraisal } from '../features/appraisal/commands';
import { commands as compare } from '../features/compare/commands';
import { commands as council } from '../features/council/commands';
import { commands as cycle } from '../features/cycle/commands';
import { commands as demo } from '../features/demo/commands';
import { commands as evidence } from '../features/evidence/commands';
import { commands as forms } from '../features/forms/commands';
import { commands as framework } from '../features/framework/commands';
import { commands as print } from '../features/print/commands';
import { commands as petitions } from '../features/petitions/commands';
import { commands as publication } from '../features/publication/commands';
import { commands as results } from '../features/results/commands';
import { commands as survey } from '../features/survey/commands';
import { commands as units } from '../features/units/commands';
import { commands as workspace } from '../features/workspace/commands';

export const commands: CommandSpec[] = [
  ...workspace,
  ...units,
  ...framework,
  ...appraisal,
  ...results,
  ...analysis,
  ...survey,
  ...print,
  ...compare,
  ...demo,
  ...forms,
  ...cycle,
  ...council,
  ...petitions,
  ...publication,
  ...evidence,
];
