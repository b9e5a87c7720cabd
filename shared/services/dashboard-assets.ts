// The supervisors' dashboard files (dashboard/ in the repository, and ECharts from node_modules), served by
// the API under `npm start`. On AWS the same files are served from S3 through CloudFront
// (infra/cdk/dashboard-site.ts) and the API's /dashboard routes redirect there (DASHBOARD_URL).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DASHBOARD_FILES = {
  'index.html': { type: 'text/html; charset=utf-8', source: 'dashboard/index.html', cache: 'no-cache' },
  'app.js': { type: 'text/javascript; charset=utf-8', source: 'dashboard/app.js', cache: 'no-cache' },
  'app.css': { type: 'text/css; charset=utf-8', source: 'dashboard/app.css', cache: 'no-cache' },
  'echarts.min.js': { type: 'text/javascript; charset=utf-8', source: 'node_modules/echarts/dist/echarts.min.js', cache: 'public, max-age=86400' },
} as const;
export type DashboardFile = keyof typeof DASHBOARD_FILES;

/** The page may load only its own scripts and styles and talk only to its own origin (the API). */
export const DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cache = new Map<string, string>();

export function isDashboardFile(name: string): name is DashboardFile {
  return Object.hasOwn(DASHBOARD_FILES, name);
}

/** The file's text, or undefined when this deployment does not carry it (a Lambda bundle). */
export function readDashboardFile(name: DashboardFile): string | undefined {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const path = `${REPO_ROOT}${DASHBOARD_FILES[name].source}`;
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  cache.set(name, text);
  return text;
}
