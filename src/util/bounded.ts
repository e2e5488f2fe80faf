/** Sets `key` in a memo that keeps only its `limit` newest entries (a Map iterates oldest first). */
export function setBounded<K, V>(memo: Map<K, V>, key: K, value: V, limit: number): void {
  memo.set(key, value);
  while (memo.size > limit) memo.delete(memo.keys().next().value as K);
}
