/**
 * The page's CSP forbids eval. zod decides whether to compile its validators with `Function` when
 * a schema is built, so without this every start probes `Function('')` and Chromium reports the
 * blocked probe. Imported first by main.tsx, before any module builds a schema.
 */
import { config } from 'zod';

config({ jitless: true });
