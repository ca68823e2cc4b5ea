/** The version constants: the one built pages show is the package's own. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, PLUMBLINE_VERSION } from '../../src/core/version.ts';

const PACKAGE = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

describe('version', () => {
  it('PLUMBLINE_VERSION is package.json version', () => {
    expect(PLUMBLINE_VERSION).toBe(PACKAGE.version);
  });

  it('FORMAT_VERSION is a positive whole number', () => {
    expect(Number.isInteger(FORMAT_VERSION) && FORMAT_VERSION >= 1).toBe(true);
  });
});
