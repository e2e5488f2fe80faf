import { createHash } from 'node:crypto';

/** motedok's own namespace for name-based UUIDs (RFC 9562, version 5). */
const NAMESPACE = Buffer.from('6f1c3b6e9a2d4c1e8b7f5a4d3c2b1a09', 'hex');

/**
 * A UUID that is the same on every machine and in every build for the same name: version 5
 * (SHA-1, name-based) of the parts joined with `/`, for example `ssu/2025/13`.
 */
export function stableUuid(...parts: readonly (string | number)[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join('/'), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
