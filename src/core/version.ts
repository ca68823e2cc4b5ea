/**
 * Which Plumbline this is, and which catalog format it reads. Code that ends up in built pages
 * cannot read package.json at run time (once bundled, its own location is the output folder), so
 * the version is a constant here that a test holds equal to package.json's.
 */

/** The version of the plumbline package; equal to `version` in package.json. */
export const PLUMBLINE_VERSION = '0.2.0';

/**
 * The catalog format this Plumbline reads. It goes up only when a catalog written for the new
 * format would be misread by an older Plumbline; a catalog declares the format it is written
 * for with `format:` in catalog.config.yaml.
 */
export const FORMAT_VERSION = 1;
