/**
 * How to fix a field that is missing or empty, kept beside the field in its schema
 * (`.register(fieldHints, { hint })`). A registry of its own, not `.meta()`: the hints are for
 * diagnostics and stay out of the JSON Schema and the format reference.
 */
import { z } from 'zod';

export const fieldHints = z.registry<{ hint: string }>();
