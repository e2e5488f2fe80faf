import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/util/uuid.js';

describe('stable UUIDs for the archive', () => {
  it('are version 5 UUIDs, the same for the same name on every machine and in every run', () => {
    const id = stableUuid('ssu', 2025, 13);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Python's uuid.uuid5 with the same namespace gives this value. Fixed here: a change of the namespace or the name would give every sak in the archive a new identity.
    expect(id).toBe(stableUuid('ssu', '2025', '13'));
    expect(id).toBe('531a262e-4e0c-5872-82d6-4d38cc44b9d5');
  });

  it('differ for another committee, year or number', () => {
    const ids = new Set([
      stableUuid('ssu', 2025, 13),
      stableUuid('osu', 2025, 13),
      stableUuid('ssu', 2026, 13),
      stableUuid('ssu', 2025, 14),
    ]);
    expect(ids.size).toBe(4);
  });
});
