import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { STACK_ENV, type StackDescription } from './stack';

const STARTUP_TIMEOUT_MS = 6 * 60_000;

/**
 * Starts test-stack.mjs (services, demo property, local OpenID provider, console; see there) and hands its
 * description to the workers through process.env[STACK_ENV]. Returns the teardown, which stops it all.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [join(__dirname, 'test-stack.mjs')], {
    cwd: join(__dirname, '..', '..', '..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stack = await new Promise<StackDescription>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the console's test stack was not ready after ${STARTUP_TIMEOUT_MS / 1000} s`));
    }, STARTUP_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('STACK ')) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('STACK '.length)) as StackDescription);
      } else {
        console.log(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the console's test stack did not start (exit code ${code}); see .local/playwright/stack.log`));
    });
  }).catch(async (error: Error) => {
    child.kill('SIGTERM');
    await exited;
    throw error;
  });

  process.env[STACK_ENV] = JSON.stringify(stack);
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  };
}
