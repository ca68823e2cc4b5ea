/** Ids of imported entries: stable slugs, collisions resolved in source order. */
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../src/core/schemas/common.ts';
import { createIdAllocator, MAX_ID_LENGTH, slugOf } from '../../src/import/ids.ts';

describe('slugOf', () => {
  it("makes kebab-case ids with the core's suggestId", () => {
    expect(slugOf('Unique Wider Community Contributors per Month')).toBe('unique-wider-community-contributors-per-month');
    expect(slugOf('\\% of journal entries automated')).toBe('of-journal-entries-automated');
    expect(slugOf('GitLab.com Hosting Cost / Revenue')).toBe('gitlab-com-hosting-cost-revenue');
    expect(slugOf('Crème brûlée NPS')).toBe('creme-brulee-nps');
    expect(slugOf('???')).toBe('entry');
  });

  it('cuts long names at a word boundary', () => {
    const id = slugOf('Complete relocations within due date for eligible relocation requests, in alignment with the people business partners & total rewards.');
    expect(id).toBe('complete-relocations-within-due-date-for-eligible-relocation');
    expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(ID_PATTERN.test(id)).toBe(true);
    expect(slugOf('a'.repeat(100))).toBe('a'.repeat(MAX_ID_LENGTH));
  });
});

describe('createIdAllocator', () => {
  it('suffixes repeats -2, -3 in the order the names come', () => {
    const ids = createIdAllocator();
    expect(['UX Debt', 'UX debt', 'ux-debt', 'UX Debt 2', 'Other'].map((n) => ids.allocate(n))).toEqual(['ux-debt', 'ux-debt-2', 'ux-debt-3', 'ux-debt-2-2', 'other']);
  });

  it('gives the same ids for the same names in the same order', () => {
    const names = ['A', 'B', 'a', 'b', 'A!'];
    expect(names.map(createIdAllocator().allocate)).toEqual(names.map(createIdAllocator().allocate));
  });

  it('never hands out a reserved id', () => {
    const ids = createIdAllocator(['taken']);
    ids.reserve('unassigned');
    expect(ids.allocate('Taken')).toBe('taken-2');
    expect(ids.allocate('Unassigned')).toBe('unassigned-2');
    expect(() => ids.reserve('Not An Id')).toThrow();
  });
});
