/** The catalog folders as plain collections: Astro's glob loader, no schema, ids as Plumbline names them. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { basename, extname, join } from 'node:path';

const root = process.env.CATALOG_DIR;
if (!root) throw new Error('set CATALOG_DIR to the catalog folder (npm run bench -- build does)');

/** Plumbline's id is the bare file name, wherever the file sits in subfolders. */
const fileName = ({ entry }: { entry: string }) => basename(entry, extname(entry));
const folder = (name: string, pattern: string) => defineCollection({ loader: glob({ pattern, base: join(root, name), generateId: fileName }) });

export const collections = {
  goals: folder('goals', '**/*.{yaml,mdx}'),
  metrics: folder('metrics', '**/*.{yaml,mdx}'),
  owners: folder('owners', '**/*.yaml'),
  initiatives: folder('initiatives', '**/*.{yaml,mdx}'),
};
