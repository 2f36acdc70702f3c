// The command line itself: --help, --list, --version, codemod options, and exit code 3 for every kind
// of bad usage, each with a message of our own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFixtureCli, parseReport, removeTemporaryDirectories, REPO, runCli, temporaryDirectory, writeFiles } from './harness.js';

let cli: string;
let project: string;

beforeAll(() => {
  cli = buildFixtureCli();
  project = temporaryDirectory('usage');
  writeFiles(project, {
    'src/rooms.ts': "import '@microsoft/signalr';\n",
    'src/options.ts': "// @fixture-report-options\nimport '@microsoft/signalr';\n",
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
        '  fixture-trouble      Throws, exits, crashes its thread, breaks the syntax or names its thread on files carrying a marker (test fixture).',
        '  all                  Every codemod above.',
      ].join('\n'),
    );
    for (const option of ['--dry', '--print', '--check', '--json', '--force', '--cpus', '--extensions', '--ignore-pattern', '--max-size', '--settings', '--shard', '--silent', '--list', '--version', '--help']) {
      expect(run.stdout).toMatch(new RegExp(`^ +(-\\w, )?${option}\\b`, 'm'));
    }
    expect(run.stdout).toContain('3  usage error');
    expect(run.stdout).toContain('4  could not run: the codemods could not be loaded');
    expect(runCli(cli, ['-h'], { cwd: project }).stdout).toBe(run.stdout);
  });

  it('--help lists the options the codemods declare, under the codemods that take them', () => {
    const run = runCli(cli, ['--help'], { cwd: project });
    expect(run.stdout).toContain(
      [
        'Codemod options (each for the codemods it names; the run must include one of them):',
        '      --fixture-flag        fixture-trouble: A flag the fixture reports back on files carrying a',
        '                            marker.',
        '      --fixture-style <tabs|spaces>',
        '                            fixture-trouble: A value the fixture reports back on files carrying a',
        '                            marker.',
      ].join('\n'),
    );
  });

  it('--list prints one line per codemod: name, description, fixed rules', () => {
    const run = runCli(cli, ['--list'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'fixture-await-joins\tAwaits `invoke("JoinGroup", …)` statements in async functions (test fixture).\tfixes: await-group-join\n' +
        'fixture-trouble\tThrows, exits, crashes its thread, breaks the syntax or names its thread on files carrying a marker (test fixture).\tfixes: \n',
    );
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(cli, ['--version'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe('codemod options', () => {
  /** What the fixture codemod reports it received, for a run over src/options.ts. */
  const receivedOptions = (args: readonly string[]): unknown => {
    const run = runCli(cli, ['fixture-trouble', 'src/options.ts', '--json', '--dry', ...args], { cwd: project });
    expect(run.status).toBe(0);
    const reason = parseReport(run).files[0]?.skipped[0]?.reason ?? '';
    return JSON.parse(reason.replace(/^options: /, '')) as unknown;
  };

  it('reach the transform under their camel-case key, as jscodeshift would pass them', () => {
    expect(receivedOptions([])).toEqual({});
    expect(receivedOptions(['--fixture-flag'])).toEqual({ fixtureFlag: true });
    expect(receivedOptions(['--fixture-style', 'tabs', '--fixture-flag'])).toEqual({ fixtureFlag: true, fixtureStyle: 'tabs' });
    expect(receivedOptions(['--fixture-style=spaces'])).toEqual({ fixtureStyle: 'spaces' });
  });

  it('are taken with all', () => {
    const run = runCli(cli, ['all', 'src/options.ts', '--json', '--dry', '--fixture-flag'], { cwd: project });
    expect(run.status).toBe(0);
    expect(parseReport(run).files[0]?.skipped.map((skip) => skip.reason)).toEqual(['options: {"fixtureFlag":true}']);
  });
});

describe('exit code 3: bad usage, nothing done', () => {
  // Each case: the arguments and the message that names the problem.
  const cases: readonly (readonly [string, readonly string[], string])[] = [
    ['no arguments', [], 'name a codemod (or all) and the paths to run it on.'],
    ['an unknown codemod', ['fixture-trouble-x', 'src'], 'unknown codemod "fixture-trouble-x"; did you mean fixture-trouble? The codemods are: fixture-await-joins, fixture-trouble, all.'],
    ['an unknown codemod like none', ['add-awaits', 'src'], 'unknown codemod "add-awaits". The codemods are: fixture-await-joins, fixture-trouble, all.'],
    [
      'a directory where a codemod belongs',
      ['src'],
      'src is a directory, not a codemod: name the codemods to run first (or all), then the paths.\n\n' +
        'Usage: signalr-codemod <codemod…|all> <paths…> [options]\n  Codemods: fixture-await-joins, fixture-trouble, all\n  For example: signalr-codemod all src\n',
    ],
    ['a file where a codemod belongs', ['src/rooms.ts', '--dry'], 'src/rooms.ts is a file, not a codemod: name the codemods to run first (or all), then the paths.'],
    ['a codemod after the paths', ['fixture-trouble', 'src', 'fixture-await-joins'], 'fixture-await-joins is a codemod, but it comes after the paths: name every codemod first, then the paths.'],
    ['no paths', ['all'], 'name the files or directories to run the codemods on.'],
    ['a path that does not exist', ['all', 'src', 'lib'], 'no such file or directory: lib'],
    ['an unknown option', ['all', 'src', '--dryrun'], 'unknown option --dryrun; did you mean --dry?\n'],
    ['a misspelt option', ['all', 'src', '--chekc'], 'unknown option --chekc; did you mean --check?\n'],
    ['a shortened option', ['all', 'src', '--ext', 'ts'], 'unknown option --ext; did you mean --extensions?\n'],
    ['a misspelt codemod option', ['all', 'src', '--fixture-flg'], 'unknown option --fixture-flg; did you mean --fixture-flag?\n'],
    ['an option like none', ['all', 'src', '--frobnicate'], 'unknown option --frobnicate.\n'],
    ['an unknown short option', ['all', 'src', '-x'], 'unknown option -x.\n'],
    ['an unknown letter among short options', ['all', 'src', '-dqp'], 'unknown option -q.\n'],
    ['an option without its value', ['all', 'src', '--cpus'], '--cpus needs a value (write --cpus=<value> for a value that starts with a dash).'],
    ['an option followed by another', ['all', 'src', '--cpus', '--dry'], '--cpus needs a value'],
    ['a flag with a value', ['all', 'src', '--dry=yes'], '--dry takes no value; leave out "=yes".'],
    ['an option of a codemod the run leaves out', ['fixture-await-joins', 'src', '--fixture-flag'], '--fixture-flag is an option of fixture-trouble, which this run does not include.'],
    ['a codemod option value not among its choices', ['all', 'src', '--fixture-style', 'mixed'], '--fixture-style takes one of tabs, spaces, not "mixed".'],
    ['--cpus 0', ['all', 'src', '--cpus', '0'], '--cpus takes a whole number of at least 1, not "0".'],
    ['--cpus two', ['all', 'src', '--cpus', 'two'], '--cpus takes a whole number of at least 1, not "two".'],
    ['--max-size with an unknown unit', ['all', 'src', '--max-size', '2G'], '--max-size takes a size such as 1048576, 512K or 2M, not "2G".'],
    ['--max-size 0', ['all', 'src', '--max-size', '0'], '--max-size takes a size such as 1048576, 512K or 2M, not "0".'],
    ['--shard 0/2', ['all', 'src', '--shard', '0/2'], '--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "0/2".'],
    ['--shard 3/2', ['all', 'src', '--shard', '3/2'], '--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "3/2".'],
    ['--shard half', ['all', 'src', '--shard', 'half'], '--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "half".'],
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
