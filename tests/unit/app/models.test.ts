import { describe, expect, it } from 'vitest';
import { emptyScore, type CriterionNode, type Score } from '../../../shared/domain';
import { checkFramework } from '../../../shared/results';
import {
  applyLocally,
  appraisedPatch,
  indexScores,
  inverseOf,
  parseAppraised,
  pastedCells,
  pasteChanges,
  scoreKey,
  treeRows,
  type BlockData,
  type MatrixRow,
} from '../../../renderer/features/appraisal/model';
import { blockReducer, noBlock, type BlockEdits } from '../../../renderer/features/appraisal/edits';
import { addChild, addField, moveNode, removeNode, updateNode } from '../../../renderer/features/framework/model';

const base = { source: 'self', method: 'free', tiers: null, evidenceRequired: false, guidance: null } as const;
const nodes: CriterionNode[] = [
  { ...base, code: 'I', parentCode: null, level: 1, title: 'Chỉ đạo, điều hành', maxPoints: 3 },
  { ...base, code: '1', parentCode: 'I', level: 2, title: 'Kế hoạch', maxPoints: 2 },
  { ...base, code: '1.1', parentCode: '1', level: 3, title: 'Ban hành kế hoạch', maxPoints: 1 },
  { ...base, code: '1.2', parentCode: '1', level: 3, title: 'Hoàn thành kế hoạch', maxPoints: 1, method: 'yesno' },
  { ...base, code: '2', parentCode: 'I', level: 2, title: 'Báo cáo', maxPoints: 1 },
  { ...base, code: 'II', parentCode: null, level: 1, title: 'Thể chế', maxPoints: 2 },
  { ...base, code: '3', parentCode: 'II', level: 2, title: 'Văn bản', maxPoints: 2 },
];
const leaf = (code: string) => nodes.find((n) => n.code === code)!;

describe('the appraisal model', () => {
  it('reads scores typed the Vietnamese way and refuses what the leaf cannot take', () => {
    expect(parseAppraised(leaf('1.1'), 'Sở Nội vụ', '0,75')).toEqual({ value: 0.75 });
    expect(parseAppraised(leaf('1.1'), 'Sở Nội vụ', ' ')).toEqual({ value: null });
    expect(parseAppraised(leaf('1.1'), 'Sở Nội vụ', 1)).toEqual({ value: 1 });
    const above = parseAppraised(leaf('1.1'), 'Sở Nội vụ', '1,5');
    expect(above).toEqual({ problem: expect.stringContaining('Sở Nội vụ, tiêu chí 1.1: điểm 1,5 vượt điểm tối đa 1') });
    expect(parseAppraised(leaf('1.2'), 'Sở Nội vụ', '0,5')).toEqual({ problem: expect.stringContaining('có/không') });
    expect(parseAppraised(leaf('1.1'), 'Sở Nội vụ', 'một')).toEqual({ problem: expect.stringContaining('không phải là số') });
  });

  it('undoes exactly: the inverse of a change puts back every field it touched', () => {
    const scores = indexScores([{ ...emptyScore('SNV', '1.1'), selfScore: 1, appraisedScore: 0.5, appraisalRound: 1, note: 'cũ' }]);
    const change = [
      { unitCode: 'SNV', criterionCode: '1.1', patch: { appraisedScore: 0.75, note: 'mới' } },
      { unitCode: 'SNV', criterionCode: '2', patch: appraisedPatch(undefined, 1) },
    ];
    const back = inverseOf(scores, change);
    const after = applyLocally(scores, change);
    expect(after.get(scoreKey('SNV', '1.1'))).toMatchObject({ appraisedScore: 0.75, note: 'mới', selfScore: 1 });
    expect(after.get(scoreKey('SNV', '2'))).toMatchObject({ appraisedScore: 1, appraisalRound: 1 });
    const undone = applyLocally(after, back);
    expect(undone.get(scoreKey('SNV', '1.1'))).toEqual(scores.get(scoreKey('SNV', '1.1')));
    expect(undone.get(scoreKey('SNV', '2'))).toEqual(emptyScore('SNV', '2'));
    expect(scores.get(scoreKey('SNV', '1.1'))!.appraisedScore).toBe(0.5);
  });

  it('shows the tree with parent sums, not-applicable leaves out, folded branches hidden', () => {
    const scores: Score[] = [
      { ...emptyScore('SNV', '1.1'), selfScore: 1, appraisedScore: 0.5 },
      { ...emptyScore('SNV', '1.2'), selfScore: 1, appraisedScore: 1 },
      { ...emptyScore('SNV', '2'), notApplicable: true, selfScore: 1 },
    ];
    const rows = treeRows(nodes, 'SNV', indexScores(scores), new Set());
    expect(rows.map((r) => `${r.node.code}:${r.depth}`)).toEqual(['I:0', '1:1', '1.1:2', '1.2:2', '2:1', 'II:0', '3:1']);
    expect(rows[0]).toMatchObject({ self: 2, appraised: 1.5, max: 3, isLeaf: false });
    expect(rows[1]).toMatchObject({ self: 2, appraised: 1.5 });
    expect(rows[5]).toMatchObject({ self: null, appraised: null });
    expect(treeRows(nodes, 'SNV', indexScores(scores), new Set(['I'])).map((r) => r.node.code)).toEqual(['I', 'II', '3']);
  });

  it('splits what a spreadsheet puts on the clipboard into rows and cells', () => {
    expect(pastedCells('1,5\r\n2\r\n\r\n')).toEqual([['1,5'], ['2'], ['']]);
    expect(pastedCells('1\t2\n3\t4\n')).toEqual([['1', '2'], ['3', '4']]);
  });
});

describe('the appraisal edits', () => {
  const data = {
    year: 2025,
    locked: false,
    blockCode: 'so',
    nodes,
    units: [{ code: 'SNV', name: 'Sở Nội vụ', blockCode: 'so', ranked: true, predecessors: [], sortOrder: 0 }],
    scores: [{ ...emptyScore('SNV', '1.1'), appraisedScore: 0.5 }],
    settings: { year: 2025, blockCode: 'so', bands: [], precision: 2 },
    results: { year: 2025, blocks: [] },
  } as unknown as BlockData;
  const set = (value: number | null) => [{ unitCode: 'SNV', criterionCode: '1.1', patch: { appraisedScore: value } }];
  const appraised = (state: BlockEdits) => state.scores.get(scoreKey('SNV', '1.1'))?.appraisedScore;
  const loaded = blockReducer(noBlock, { type: 'loaded', data });

  it('applies a change at once, undoes and redoes it, and a new change empties the redo list', () => {
    const first = set(1);
    let state = blockReducer(loaded, { type: 'perform', changes: first });
    expect(appraised(state)).toBe(1);
    state = blockReducer(state, { type: 'travel', direction: 'undo' });
    expect(appraised(state)).toBe(0.5);
    expect([state.undo.length, state.redo.length]).toEqual([0, 1]);
    state = blockReducer(state, { type: 'travel', direction: 'redo' });
    expect(appraised(state)).toBe(1);
    state = blockReducer(state, { type: 'travel', direction: 'undo' });
    state = blockReducer(state, { type: 'perform', changes: set(0) });
    expect([state.undo.length, state.redo.length]).toEqual([1, 0]);
    // nothing left to redo: the state stays as it is
    expect(blockReducer(state, { type: 'travel', direction: 'redo' })).toBe(state);
  });

  it('takes back a change the main process refused to save, and puts a refused undo or redo back on its list', () => {
    const first = set(1);
    let state = blockReducer(loaded, { type: 'perform', changes: first });
    const refusedNew = blockReducer(state, { type: 'refused', changes: first, source: 'appraisal' });
    expect(appraised(refusedNew)).toBe(0.5);
    expect(refusedNew.undo).toEqual([]);

    state = blockReducer(state, { type: 'travel', direction: 'undo' });
    const refusedUndo = blockReducer(state, { type: 'refused', changes: state.redo[0].backward, source: 'undo' });
    expect(appraised(refusedUndo)).toBe(1);
    expect([refusedUndo.undo.length, refusedUndo.redo.length]).toEqual([1, 0]);

    state = blockReducer(state, { type: 'travel', direction: 'redo' });
    const refusedRedo = blockReducer(state, { type: 'refused', changes: state.undo[0].forward, source: 'redo' });
    expect(appraised(refusedRedo)).toBe(0.5);
    expect([refusedRedo.undo.length, refusedRedo.redo.length]).toEqual([0, 1]);
  });

  it('starts again from what the main process sent when a block is loaded', () => {
    const edited = blockReducer(loaded, { type: 'perform', changes: set(1) });
    const again = blockReducer(edited, { type: 'loaded', data });
    expect(appraised(again)).toBe(0.5);
    expect([again.undo.length, again.redo.length, again.saved]).toEqual([0, 0, data.results]);
  });
});

describe('a paste from a spreadsheet', () => {
  const scores = indexScores([]);
  const rows = treeRows(nodes, 'SNV', scores, new Set());
  const matrix = ['SNV', 'STP'].map((unitCode) => ({ unitCode, unitName: unitCode, scores: {} }) as MatrixRow);
  const leaves = nodes.filter((n) => ['1.1', '1.2', '2', '3'].includes(n.code));

  it('fills the appraised column down the leaves from the focused row', () => {
    const pasted = pasteChanges({ view: 'unit', colId: 'appraised', rowIndex: 0, rows, unitCode: 'SNV', unitName: 'Sở Nội vụ' }, [['0,5'], ['1'], ['']], scores);
    expect(pasted).toEqual({
      changes: [
        { unitCode: 'SNV', criterionCode: '1.1', patch: { appraisedScore: 0.5, appraisalRound: 1 } },
        { unitCode: 'SNV', criterionCode: '1.2', patch: { appraisedScore: 1, appraisalRound: 1 } },
        { unitCode: 'SNV', criterionCode: '2', patch: { appraisedScore: null } },
      ],
    });
    expect(pasteChanges({ view: 'unit', colId: 'self', rowIndex: 0, rows, unitCode: 'SNV', unitName: 'Sở Nội vụ' }, [['1']], scores)).toEqual({
      refusal: expect.stringContaining('Chỉ dán được vào cột "Điểm thẩm định"'),
    });
  });

  it('refuses a whole block of cells for one bad cell, saying where', () => {
    const target = { view: 'matrix' as const, colId: '1.2', rowIndex: 0, rows: matrix, leafNodes: leaves };
    expect(pasteChanges(target, [['1', '0'], ['0', '1']], scores)).toMatchObject({ changes: { length: 4 } });
    const refused = pasteChanges(target, [['1', 'abc'], ['0', '1', '1', '1']], scores);
    expect(refused).toEqual({ refusal: expect.stringContaining('Dòng 1, cột 2: ') });
    expect(refused).toEqual({ refusal: expect.stringContaining('Cột 4 vượt quá số tiêu chí trong bảng.') });
  });
});

describe('the framework editor model', () => {
  it('adds, renames, moves and removes nodes keeping parents before children', () => {
    let f = addField(nodes);
    expect(f.code).toBe('III');
    f = addChild(f.nodes, 'III');
    // criteria are numbered across the whole framework, as decisions number them
    expect(f.code).toBe('4');
    expect(f.nodes.at(-1)).toMatchObject({ code: '4', parentCode: 'III', level: 2 });
    expect(addChild(f.nodes, '1').code).toBe('1.3');
    let list = updateNode(f.nodes, f.code, { maxPoints: 1.5 });
    list = updateNode(list, 'III', { maxPoints: 1.5 });
    expect(checkFramework(list)).toEqual([]);
    list = moveNode(list, 'III', -1);
    expect(list.map((n) => n.code)).toEqual(['I', '1', '1.1', '1.2', '2', 'III', '4', 'II', '3']);
    list = moveNode(list, '1', 1);
    expect(list.slice(0, 5).map((n) => n.code)).toEqual(['I', '2', '1', '1.1', '1.2']);
    list = updateNode(list, '1', { code: '1a' });
    expect(list.filter((n) => n.parentCode === '1a').map((n) => n.code)).toEqual(['1.1', '1.2']);
    list = removeNode(list, '1a');
    expect(list.map((n) => n.code)).toEqual(['I', '2', 'III', '4', 'II', '3']);
    expect(checkFramework(list)[0].message).toContain('Điểm tối đa của mục I là 3');
  });
});
