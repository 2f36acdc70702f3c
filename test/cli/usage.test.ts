// The command line itself: --help, --list, --version, and exit code 3 for every kind of bad usage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFixtureCli, removeTemporaryDirectories, REPO, runCli, temporaryDirectory, writeFiles } from './harness.js';

let cli: string;
let project: string;

beforeAll(() => {
  cli = buildFixtureCli();
  project = temporaryDirectory('usage');
  writeFiles(project, {
    'src/rooms.ts': "import '@microsoft/signalr';\n",
    'invalid-json.json': '{ "modules": [',
    'wrong-shape.json': JSON.stringify({ modules: 'not-a-list' }),
    'unknown-key.json': JSON.stringify({ joinMethod: ['Enter'] }),
  });
});

afterAll(removeTemporaryDirectories);

describe('--help, --list, --version', () => {
  it('--help describes every codemod of the registry and every option', () => {
    const run = runCli(cli, ['--help'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      [
        'Codemods (run in this order):',
        '  fixture-await-joins  Awaits `invoke("JoinGroup", …)` statements in async functions (test fixture). Fixes: await-group-join.',
        '  fixture-trouble      Throws, crashes its worker, breaks the syntax or names its worker thread on files carrying a marker (test fixture).',
        '  all                  Every codemod above.',
      ].join('\n'),
    );
    for (const option of ['--dry', '--print', '--check', '--json', '--force', '--cpus', '--extensions', '--ignore-pattern', '--max-size', '--settings', '--silent', '--list', '--version', '--help']) {
      expect(run.stdout).toMatch(new RegExp(`^ +(-\\w, )?${option}\\b`, 'm'));
    }
    expect(run.stdout).toContain('3  usage error');
    expect(runCli(cli, ['-h'], { cwd: project }).stdout).toBe(run.stdout);
  });

  it('--list prints one line per codemod: name, description, fixed rules', () => {
    const run = runCli(cli, ['--list'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'fixture-await-joins\tAwaits `invoke("JoinGroup", …)` statements in async functions (test fixture).\tfixes: await-group-join\n' +
        'fixture-trouble\tThrows, crashes its worker, breaks the syntax or names its worker thread on files carrying a marker (test fixture).\tfixes: \n',
    );
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(cli, ['--version'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe('exit code 3: bad usage, nothing done', () => {
  // Each case: the arguments and the message that names the problem.
  const cases: readonly (readonly [string, readonly string[], string])[] = [
    ['no arguments', [], 'name a codemod (or all) and the paths to run it on.'],
    ['an unknown codemod', ['add-awaitz', 'src'], 'unknown codemod "add-awaitz"; the codemods are: fixture-await-joins, fixture-trouble, all.'],
    ['no paths', ['all'], 'name the files or directories to run the codemods on.'],
    ['a path that does not exist', ['all', 'src', 'lib'], 'no such file or directory: lib'],
    ['an unknown option', ['all', 'src', '--dryrun'], "Unknown option '--dryrun'"],
    ['an option without its value', ['all', 'src', '--cpus'], "Option '--cpus <value>' argument missing"],
    ['--cpus 0', ['all', 'src', '--cpus', '0'], '--cpus takes a whole number of at least 1, not "0".'],
    ['--cpus two', ['all', 'src', '--cpus', 'two'], '--cpus takes a whole number of at least 1, not "two".'],
    ['--max-size with an unknown unit', ['all', 'src', '--max-size', '2G'], '--max-size takes a size such as 1048576, 512K or 2M, not "2G".'],
    ['--max-size 0', ['all', 'src', '--max-size', '0'], '--max-size takes a size such as 1048576, 512K or 2M, not "0".'],
    ['an empty --extensions', ['all', 'src', '--extensions', ','], '--extensions takes a comma-separated list such as .ts,.tsx.'],
    ['a missing --settings file', ['all', 'src', '--settings', 'nope.json'], 'nope.json: ENOENT'],
    ['a --settings file that is not JSON', ['all', 'src', '--settings', 'invalid-json.json'], 'invalid-json.json: '],
    ['a --settings value of the wrong type', ['all', 'src', '--settings', 'wrong-shape.json'], '`settings.signalr.modules` must be an array of non-empty strings.'],
    ['an unknown --settings key', ['all', 'src', '--settings', 'unknown-key.json'], 'Unknown key `settings.signalr.joinMethod`'],
  ];

  it.each(cases)('%s', (_name, args, message) => {
    const run = runCli(cli, args, { cwd: project });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toMatch(/^signalr-codemod: [^]*\nRun `signalr-codemod --help` for usage\.\n$/);
  });
});
