import type { Command } from './framework';
import { workspaceCommands } from '../features/workspace/cli';
import { importCommands } from '../features/framework/cli';
import { surveyCommands } from '../features/survey/cli';
import { reportCommands } from '../features/print/cli';
import { demoCommands } from '../features/demo/cli';
import { formsCommands } from '../features/forms/cli';

/** Every command of `par-workbench`; each room adds its own list here. */
export const commands: Command[] = [...workspaceCommands, ...importCommands, ...surveyCommands, ...reportCommands, ...demoCommands, ...formsCommands];
