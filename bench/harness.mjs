// What the browser benchmarks share: the static server in its own process (like a real one),
// Debian's headless Chromium, and the median.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts bench/serve.mjs on a random port over dist/ (or `site`; `precompressed`: serving the
 * .br/.gz copies); returns { origin, stop }. */
export async function startServer(precompressed = false, site = null) {
  const port = 8000 + Math.floor(Math.random() * 900);
  const server = fork(path.join(root, 'bench/serve.mjs'), [String(port), ...(precompressed ? ['--precompressed'] : []), ...(site ? ['--root', site] : [])]);
  await new Promise((r) => server.on('message', r));
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
