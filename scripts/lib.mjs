// Small helpers shared by the root scripts (start, test, token, dlq).
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.TURBO_TELEMETRY_DISABLED ??= '1';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output; resolves with its exit code (never rejects on a non-zero code). */
export function exec(command, args, { env = {}, cwd = ROOT, quietStdout = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    // quietStdout sends the child's output to stderr, for commands whose stdout is their answer (npm run token).
    const stdio = quietStdout ? ['inherit', 2, 2] : 'inherit';
    const child = spawn(command, args, { cwd, stdio, env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

export async function execOrFail(command, args, options) {
  const code = await exec(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${code}`);
}

export function say(message) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv) {
  const options = { _: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (!argument.startsWith('--')) {
      options._.push(argument);
      continue;
    }
    const name = argument.slice(2);
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) options[name] = true;
    else {
      options[name] = options[name] === undefined ? next : [].concat(options[name], next);
      index += 1;
    }
  }
  return options;
}

/**
 * Loads a workspace package from its compiled output, building it (and what it depends on) first when a fresh clone
 * has no `dist` yet: `npm ci` installs but does not build.
 */
export async function importBuilt(packageName) {
  const folder = packageName.replace('@frontoffice/', '');
  try {
    await access(resolve(ROOT, 'packages', folder, 'dist', 'index.js'));
  } catch {
    console.error(`building ${packageName} first (no dist yet)`);
    await execOrFail('npx', ['turbo', 'run', 'build', `--filter=${packageName}...`, '--output-logs=errors-only'], {
      quietStdout: true,
    });
  }
  return import(packageName);
}
