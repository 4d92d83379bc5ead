// A second process for tests: opens a workspace, makes one change, says so on stdout, then
// keeps the workspace open until it is killed (as the app does while staff copy the file).
//   node --import tsx tests/helpers/hold-workspace.ts FILE UNIT CRITERION SCORE
import { openWorkspace } from '../../electron/app/open';
import { applyScoreChanges } from '../../electron/features/appraisal/service';

const [file, unitCode, criterionCode, score] = process.argv.slice(2);
const ws = openWorkspace(file);
ws.actor = 'tiến trình thứ hai';
applyScoreChanges(ws, 2025, [{ unitCode, criterionCode, patch: { appraisedScore: Number(score) } }], { source: 'appraisal' });
process.stdout.write('written\n');
setInterval(() => undefined, 1000);
