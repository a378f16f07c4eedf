// Trunk post-build hook: finishes the built site with `gongkai site --in-place` — the same code
// that makes a deployable site from a built viewer and a folder of bundles
// (crates/cli/src/site/): the publishing gate (a bundle whose checks fail stops the build
// unless GONGKAI_ALLOW_FAILING_CHECKS=1; its pages then carry the notice), every view of every
// bundle as a page in both languages (rendered by the viewer's components), a strict
// Content-Security-Policy (the inline
// scripts allowed by their SHA-256, no 'unsafe-inline'; 'wasm-unsafe-eval' is what compiling wasm
// needs), the service worker's offline list, and .gz/.br copies beside every text and wasm file.
// Before that, the inline scripts and the smaller modules' JS are minified (scripts/minify.mjs).
// Usage (by Trunk, or by hand on a built folder): node scripts/csp.mjs [DIR]
import { execFileSync } from 'node:child_process';
import { minifyViewer } from './minify.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
// First the viewer's own scripts are minified (scripts/minify.mjs), so that the pages and the
// Content-Security-Policy are made from what ships.
await minifyViewer(dir, source);
const args = ['run', '--quiet', '-p', 'gongkai-cli', '--', 'site', '--viewer', dir, '--in-place'];
if (process.env.GONGKAI_ALLOW_FAILING_CHECKS === '1') args.push('--allow-failing-checks');
try {
  execFileSync('cargo', args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
} catch (e) {
  console.error(`gongkai site: the build stops (exit ${e.status}); see the lines above`);
  process.exit(1);
}
