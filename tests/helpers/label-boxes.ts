// The boxes of a chart's texts as Chromium lays them out (its real fonts, rotation included),
// and the pairs of texts whose boxes cross: labels that overlap on screen or on paper.
import type { Page } from 'playwright-core';

export interface LabelBox {
  text: string;
  /** the four corners of the text's box in page pixels (rotated boxes stay rotated) */
  corners: [number, number][];
}

/**
 * Every visible <text> of the SVG elements matched by `selector` on the page. Runs in the page:
 * getBBox() in the text's own coordinates, mapped by its screen transform.
 */
export async function labelBoxes(page: Page, selector: string): Promise<LabelBox[]> {
  return page.locator(selector).evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll('text')].flatMap((el) => {
        const text = (el.textContent ?? '').trim();
        const style = getComputedStyle(el);
        if (!text || style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return [];
        if (Number(el.getAttribute('fill-opacity') ?? 1) === 0 && !el.getAttribute('stroke')) return [];
        const box = (el as SVGTextElement).getBBox();
        const m = (el as SVGTextElement).getScreenCTM();
        if (!m || box.width === 0 || box.height === 0) return [];
        const at = (x: number, y: number): [number, number] => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
        return [{ text, corners: [at(box.x, box.y), at(box.x + box.width, box.y), at(box.x + box.width, box.y + box.height), at(box.x, box.y + box.height)] }];
      }),
    ),
  );
}

function project(corners: [number, number][], axis: [number, number]): [number, number] {
  const values = corners.map(([x, y]) => x * axis[0] + y * axis[1]);
  return [Math.min(...values), Math.max(...values)];
}

/** Two convex boxes overlap by more than `slack` pixels along every axis that separates them (separating axis test). */
function cross(a: LabelBox, b: LabelBox, slack: number): boolean {
  for (const box of [a, b]) {
    for (let i = 0; i < 2; i++) {
      const [p, q] = [box.corners[i], box.corners[i + 1]];
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
      const axis: [number, number] = [-(q[1] - p[1]) / len, (q[0] - p[0]) / len];
      const [a0, a1] = project(a.corners, axis);
      const [b0, b1] = project(b.corners, axis);
      if (Math.min(a1, b1) - Math.max(a0, b0) <= slack) return false;
    }
  }
  return true;
}

const same = (a: LabelBox, b: LabelBox) =>
  a.text === b.text && a.corners.every(([x, y], i) => Math.abs(x - b.corners[i][0]) < 0.5 && Math.abs(y - b.corners[i][1]) < 0.5);

/**
 * The pairs of texts whose boxes overlap by more than `slack` pixels (a glyph box's line gap is
 * not ink: one pixel is allowed). A text drawn twice in place (outline and fill) is one text.
 */
export function overlappingLabels(boxes: LabelBox[], slack = 1): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (!same(boxes[i], boxes[j]) && cross(boxes[i], boxes[j], slack)) pairs.push([boxes[i].text, boxes[j].text]);
    }
  }
  return pairs;
}
