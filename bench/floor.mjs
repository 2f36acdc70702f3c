// The least any `all --dry` run on this stack must do, as one command to time against the CLI and
// jscodeshift: start Node, find the files and text-check them as the CLI does, load typescript-estree
// and the analyses, and parse and analyse each file that passes once (the analysis every codemod
// starts from). No transform, no printing, no second parse. Scripts only: a page's blocks would need
// the page splitter, and the bench corpus has none.
//   node bench/floor.mjs BUILD TREE   (BUILD: a folder holding the built dist/)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [build, tree] = process.argv.slice(2);
if (!build || !tree) throw new Error('usage: node bench/floor.mjs BUILD TREE');
const load = (path) => import(pathToFileURL(join(build, 'dist', path)).href);

const MAX_SIZE = 1024 * 1024;
const { DEFAULT_EXTENSIONS, discoverFiles } = await load('codemods/runner/discover.js');
const { prefilterFile, readForCodemods } = await load('codemods/runner/read.js');
const { DEFAULT_SETTINGS } = await load('core/settings.js');

const { files } = discoverFiles({ paths: [tree], extensions: DEFAULT_EXTENSIONS, ignorePatterns: [], cwd: process.cwd() });
const candidates = files.filter((path) => prefilterFile(path, MAX_SIZE, DEFAULT_SETTINGS) === 'candidate');
// As in the CLI, the parser and the analyses load only once a file has passed the text check.
const { analyzeFile } = await load('codemods/utils/source.js');
let analysed = 0;
for (const path of candidates) {
  const read = readForCodemods(path, MAX_SIZE, DEFAULT_SETTINGS);
  if (read.kind === 'candidate' && analyzeFile({ path, source: read.source })) analysed++;
}
process.stdout.write(`${analysed}\n`);
