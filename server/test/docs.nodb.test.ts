import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { ErrorCode } from '../src/domain/error-codes';
import { Role } from '../src/entities/enums';
import { ROOT } from './support/shell';

/**
 * Issue 12: the repository documents itself. Every link in its Markdown files leads to a file (and heading)
 * inside it, and docs/api.md covers every operation of the schema, every error code and every role.
 */
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const markdownFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchorsIn = (markdown: string) => new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1])));

describe('the documentation', () => {
  it('is in the repository, with docs/api.md linked from the README', () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'docs/api.md']));
    expect(read('README.md')).toContain('](docs/api.md)');
  });

  it.each(markdownFiles)('%s links only to files and headings inside the repository', (file) => {
    const markdown = read(file);
    const broken: string[] = [];
    for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:: not a file of the repository
      const [path, anchor] = target.split('#');
      const resolved = path ? resolve(ROOT, dirname(file), path) : join(ROOT, file);
      if (relative(ROOT, resolved).startsWith('..')) broken.push(`${target}: outside the repository`);
      else if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor && resolved.endsWith('.md') && !anchorsIn(readFileSync(resolved, 'utf8')).has(anchor)) {
        broken.push(`${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('docs/api.md names every query and mutation of the schema, every error code and every role', () => {
    const api = read('docs/api.md');
    const schema = buildSchema(read('schema/schema.graphql'));
    const names = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
      ...Object.values(ErrorCode),
      ...Object.values(Role),
    ];
    expect(names.filter((name) => !api.includes(`\`${name}`))).toEqual([]);
  });
});
