// `npm start`: build, then launch Electron. Where the Electron binary is missing (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline), try electron's own installer once and, if that
// fails too, say so plainly and point to browser mode instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary) {
  console.log('Byline: the Electron binary is not installed yet; trying to download it once…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'ignore',
    env,
    timeout: 120_000,
  });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    [
      'Byline could not start Electron: its binary is missing and could not be downloaded (this machine may be offline).',
      'You can still use Byline in your browser, with the same features:',
      '',
      '    npm run web',
      '',
      'To get the desktop app later, run "npm start" again when online (or "node node_modules/electron/install.js").',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
