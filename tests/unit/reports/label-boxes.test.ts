// The overlap test the chart checks rely on: boxes that cross are found, boxes that only touch,
// or whose rotated outlines pass beside each other, are not; a text drawn twice in place is one.
import { describe, expect, it } from 'vitest';
import { overlappingLabels, type LabelBox } from '../../helpers/label-boxes';

const box = (text: string, x: number, y: number, w: number, h: number): LabelBox => ({
  text,
  corners: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
});

/** A box of w × h turned by `deg` degrees around its first corner at (x, y). */
function turned(text: string, x: number, y: number, w: number, h: number, deg: number): LabelBox {
  const r = (deg * Math.PI) / 180;
  const at = (dx: number, dy: number): [number, number] => [x + dx * Math.cos(r) - dy * Math.sin(r), y + dx * Math.sin(r) + dy * Math.cos(r)];
  return { text, corners: [at(0, 0), at(w, 0), at(w, h), at(0, h)] };
}

describe('overlapping chart labels', () => {
  it('finds boxes that cross and leaves those that touch', () => {
    expect(overlappingLabels([box('85,4', 0, 0, 30, 12), box('86,9', 25, 4, 30, 12)])).toEqual([['85,4', '86,9']]);
    expect(overlappingLabels([box('85,4', 0, 0, 30, 12), box('86,9', 30.5, 0, 30, 12)])).toEqual([]);
    expect(overlappingLabels([box('I', 0, 0, 10, 12), box('II', 0, 11.5, 10, 12)])).toEqual([]);
  });

  it('reads rotated labels by their own outline, not the rectangle around it', () => {
    // two labels turned 45°, side by side: their surrounding rectangles cross, the texts do not
    const a = turned('Xã An Quan', 0, 0, 80, 12, 45);
    const b = turned('Xã Gia Bảo', 20, 0, 80, 12, 45);
    expect(overlappingLabels([a, b])).toEqual([]);
    expect(overlappingLabels([a, turned('Xã Tam Gia', 6, 0, 80, 12, 45)])).toEqual([['Xã An Quan', 'Xã Tam Gia']]);
  });

  it('counts a text drawn twice in place (outline and fill) once', () => {
    expect(overlappingLabels([box('90,0', 5, 5, 20, 10), box('90,0', 5, 5, 20, 10)])).toEqual([]);
  });
});
