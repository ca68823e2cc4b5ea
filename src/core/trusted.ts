/**
 * Settings only whoever runs the build may make, never the catalog: a pull request can change
 * every catalog file, including catalog.config.yaml, but not the environment of the build that
 * checks it. See docs/security.md.
 */
import { problem, START_OF_FILE, type Diagnostic } from './diagnostics.ts';

export const ALLOW_MDX_CODE_VARIABLE = 'PLUMBLINE_ALLOW_MDX_CODE';
export const MAX_OUTPUT_VARIABLE = 'PLUMBLINE_MAX_OUTPUT_MB';
/** A 20,000-metric catalog writes well under this; a runaway one stops here. */
export const DEFAULT_MAX_OUTPUT_MB = 4096;

export interface TrustedSettings {
  /** Imports, `{expressions}` and JSX in MDX narratives: code that runs during the build. */
  allowMdxCode: boolean;
  /** The most bytes a build may write before it is removed unpublished. */
  maxOutputBytes: number;
}

/** What a build allows when its environment says nothing. */
export const DEFAULT_TRUSTED_SETTINGS: TrustedSettings = { allowMdxCode: false, maxOutputBytes: DEFAULT_MAX_OUTPUT_MB * 1024 * 1024 };

/** The trusted settings from the environment, with a diagnostic for each value that cannot be read. */
export function trustedSettings(env: NodeJS.ProcessEnv = process.env): { settings: TrustedSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, hint: string) => diagnostics.push(problem('trusted-setting', '.', START_OF_FILE, message, hint));
  const allow = env[ALLOW_MDX_CODE_VARIABLE];
  if (allow !== undefined && !['', 'true', 'false'].includes(allow)) {
    fail(`${ALLOW_MDX_CODE_VARIABLE} must be true or false; got ${shown(allow)}`, 'unset it, or set it to true only in a build whose catalog authors may all run code');
  }
  const cap = env[MAX_OUTPUT_VARIABLE];
  const megabytes = cap === undefined || cap === '' ? DEFAULT_MAX_OUTPUT_MB : /^[1-9][0-9]{0,6}$/.test(cap) ? Number(cap) : undefined;
  if (megabytes === undefined) fail(`${MAX_OUTPUT_VARIABLE} must be a whole number of megabytes; got ${shown(cap!)}`, `unset it for the default of ${DEFAULT_MAX_OUTPUT_MB}, or give a number such as 8192`);
  return { settings: { allowMdxCode: allow === 'true', maxOutputBytes: (megabytes ?? DEFAULT_MAX_OUTPUT_MB) * 1024 * 1024 }, diagnostics };
}

/** An environment value quoted for a message: escaped, and cut short. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
