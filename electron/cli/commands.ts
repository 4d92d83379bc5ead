import type { Command } from './framework';
import { workspaceCommands } from './workspace-commands';
import { importCommands } from './import-commands';
import { surveyCommands } from './survey-commands';
import { reportCommands } from './report-commands';
import { demoCommands } from './demo-commands';
import { formsCommands } from './forms-commands';

/** Every command of `par-workbench`; each room adds its own list here. */
export const commands: Command[] = [...workspaceCommands, ...importCommands, ...surveyCommands, ...reportCommands, ...demoCommands, ...formsCommands];
