// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): self time by package and by function.
// Usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [top]
import { readFile } from 'node:fs/promises';

/** Self time per node, from the sample counts and time deltas. */
export async function summarise(file, top = 25) {
  const profile = JSON.parse(await readFile(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const total = [...self.values()].reduce((sum, us) => sum + us, 0);
  const packages = new Map();
  const functions = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const url = callFrame.url || '(native)';
    const pkg =
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.startsWith('node:')
        ? 'node:' + url.slice(5).split('/')[0]
        : url.includes('/dist/')
          ? url.replace(/^.*\/(apps|packages)\/([^/]+)\/.*$/, '$1/$2')
          : url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const name = `${callFrame.functionName || '(anonymous)'} ${pkg}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const lines = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  return `self time by package:\n${lines(packages)}\n\nself time by function:\n${lines(functions)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await summarise(process.argv[2], Number(process.argv[3] ?? 25)));
}
