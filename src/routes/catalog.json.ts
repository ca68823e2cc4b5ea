/** /catalog.json: the resolved catalog, for other tools. */
import type { APIRoute } from 'astro';
import { catalogToJson } from '../features/export.ts';
import { getAnalysis } from '../site/analysis.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(catalogToJson(getAnalysis().catalog, getAnalysis().derived), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
