// Lineage of units across mergers, renames and splits: each unit names the units it was
// formed from. These rules read it; they run anywhere.

/** A unit whose predecessors lead back to itself, or null: depth-first, linear in units and links. */
export function findLineageCycle(predecessorsOf: ReadonlyMap<string, readonly string[]>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of predecessorsOf.keys()) {
    if (state.has(start)) continue;
    // iterative, so that a chain of thousands of units cannot overflow the stack
    const stack: { code: string; next: number }[] = [{ code: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const preds = predecessorsOf.get(top.code) ?? [];
      if (top.next >= preds.length) {
        state.set(top.code, 'done');
        stack.pop();
        continue;
      }
      const p = preds[top.next++];
      const s = state.get(p);
      if (s === 'open') return p;
      if (s === undefined) {
        state.set(p, 'open');
        stack.push({ code: p, next: 0 });
      }
    }
  }
  return null;
}
