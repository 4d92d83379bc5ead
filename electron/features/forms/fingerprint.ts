import { createHash } from 'node:crypto';
import type { CriterionNode } from '../../../shared/domain';
import { cleanText } from '../../../shared/text';

/**
 * SHA-256 of a canonical serialisation of a framework's nodes (code, parent, title in NFC,
 * maximum, source, method): equal for any workspace holding the same framework, such as a
 * backup copy, and different as soon as a row that matters to the form changes.
 */
export function frameworkFingerprint(nodes: CriterionNode[]): string {
  const canonical = nodes.map((n) => [
    cleanText(n.code),
    n.parentCode === null ? null : cleanText(n.parentCode),
    cleanText(n.title),
    n.maxPoints,
    n.source,
    n.method,
  ]);
  return createHash('sha256').update(`parw-framework-v1\n${JSON.stringify(canonical)}`).digest('hex');
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
