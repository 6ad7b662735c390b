import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_SECRETS } from './service-defaults';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** A quoted or `${VAR:-default}` token of 16+ characters without blanks on a line that talks about a secret. */
const CANDIDATE = /['"`]([^'"`\s$]{16,})['"`]|:-([^}\s]{16,})\}/g;

function secretsWrittenInTheRepository(): Set<string> {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|mjs|js|json|ya?ml|md|sh|env|example)$|(^|\/)\.env/.test(file))
    .filter((file) => !file.endsWith('package-lock.json'));
  const found = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue; // deleted in the working tree
    }
    for (const line of text.split('\n')) {
      if (!/secret/i.test(line)) continue;
      for (const match of line.matchAll(CANDIDATE)) {
        const value = match[1] ?? match[2]!;
        // Not secrets: file paths, route paths and setting names that mention one.
        if (/^[./:]/.test(value) || /^[A-Z0-9_]+$/.test(value)) continue;
        // Nor OAuth client authentication method names.
        if (/^client_secret_(post|basic|jwt)$/.test(value)) continue;
        if (/secret|change-me/i.test(value) && !/\.(ts|m?js|json|md|ya?ml)$/.test(value)) found.add(value);
      }
    }
  }
  return found;
}

describe('secrets published in the repository', () => {
  it('are all refused in production (listed in PUBLISHED_SECRETS)', () => {
    const unlisted = [...secretsWrittenInTheRepository()].filter((secret) => !PUBLISHED_SECRETS.includes(secret));
    expect(unlisted).toEqual([]);
  });
});
