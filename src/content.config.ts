/** Content collections declared with the core's own schemas, fed the core's checked entries. */
import { defineCollection } from 'astro:content';
import { goalSchema } from './core/schemas/goal.ts';
import { initiativeSchema } from './core/schemas/initiative.ts';
import { metricSchema } from './core/schemas/metric.ts';
import { ownerSchema } from './core/schemas/owner.ts';
import { getCatalog } from './site/analysis.ts';
import { catalogLoader } from './site/loader.ts';

const { config } = getCatalog();

export const collections = {
  goals: defineCollection({ loader: catalogLoader('goals'), schema: goalSchema({ levels: config.levels, perspectives: config.perspectives }) }),
  metrics: defineCollection({ loader: catalogLoader('metrics'), schema: metricSchema }),
  owners: defineCollection({ loader: catalogLoader('owners'), schema: ownerSchema }),
  initiatives: defineCollection({ loader: catalogLoader('initiatives'), schema: initiativeSchema }),
};
