// @ts-check
// This repository is the example organisation's catalog and Plumbline's first user: the
// integration brings the pages and every setting they need.
import { defineConfig } from 'astro/config';
import plumbline from './src/integration.ts';

export default defineConfig({ integrations: [plumbline()] });
