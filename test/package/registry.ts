// A loopback npm registry for the package test: it serves the packed packages of this repository and
// every package version in package-lock.json, with tarballs read from npm's cache (where `npm ci` put
// them). Temporary projects then install with plain `npm install`, resolving versions exactly as a
// user's install does, without the network, and only ever getting versions this repository locked.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The manifest fields npm resolves with. */
interface Manifest {
  name: string;
  version: string;
  [field: string]: unknown;
}

/** A version as the registry describes it: its manifest, and where its tarball is. */
type VersionManifest = Manifest & { dist: { tarball: string; integrity: string } };

type LockedVersion = Manifest & { integrity: string };

/** Lock file fields that npm needs from a packument to resolve and place a version. */
const MANIFEST_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'libc',
  'license',
  'hasInstallScript',
] as const;

export interface PackedPackage {
  /** The package.json it was packed from. */
  manifest: Manifest;
  /** Path of the `.tgz`. */
  tarball: string;
}

export interface LocalRegistry {
  url: string;
  /** Tarballs asked for that npm's cache did not hold: `npm ci` has not run, or the cache was cleaned. */
  missing: string[];
  close(): Promise<void>;
}

export async function startRegistry(lockFile: string, packed: PackedPackage[]): Promise<LocalRegistry> {
  const cacheContent = join(execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim(), '_cacache/content-v2');
  const tarballs = new Map<string, () => Buffer | undefined>();
  const packuments = new Map<string, Map<string, LockedVersion>>();
  const missing: string[] = [];

  const add = (manifest: Manifest, integrity: string, read: () => Buffer | undefined): void => {
    const versions = packuments.get(manifest.name) ?? new Map<string, LockedVersion>();
    packuments.set(manifest.name, versions);
    versions.set(manifest.version, { ...manifest, integrity });
    tarballs.set(tarballPath(manifest.name, manifest.version), read);
  };

  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  for (const [location, entry] of Object.entries(lock.packages)) {
    const integrity = entry.integrity as string | undefined;
    if (!integrity || !location.includes('node_modules/')) continue;
    const name = (entry.name as string | undefined) ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const manifest: Manifest = { name, version: entry.version as string };
    for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
    add(manifest, integrity, () => fromCache(cacheContent, integrity));
  }
  for (const { manifest, tarball } of packed) {
    const bytes = readFileSync(tarball);
    add(manifest, `sha512-${createHash('sha512').update(bytes).digest('base64')}`, () => bytes);
  }

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).slice(1);
    if (path.includes('/-/')) {
      const read = tarballs.get(path);
      const bytes = read?.();
      if (!bytes) {
        missing.push(path);
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
      return;
    }
    const versions = packuments.get(path);
    if (!versions) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument(path, versions, url)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    missing,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function packument(
  name: string,
  versions: Map<string, LockedVersion>,
  registryUrl: string,
): { name: string; 'dist-tags': { latest: string }; versions: Record<string, VersionManifest> } {
  const manifests: Record<string, VersionManifest> = {};
  for (const [version, { integrity, ...manifest }] of versions) {
    manifests[version] = { ...manifest, name, version, dist: { tarball: registryUrl + tarballPath(name, version), integrity } };
  }
  const releases = [...versions.keys()].filter((version) => !version.includes('-'));
  const latest = (releases.length > 0 ? releases : [...versions.keys()]).sort(compareVersions).at(-1)!;
  return { name, 'dist-tags': { latest }, versions: manifests };
}

function tarballPath(name: string, version: string): string {
  return `${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

/** cacache keeps content under its hash: `content-v2/<algorithm>/<hex[0:2]>/<hex[2:4]>/<hex[4:]>`. */
function fromCache(cacheContent: string, integrity: string): Buffer | undefined {
  const [algorithm, digest] = integrity.split(/-(.*)/s) as [string, string];
  const hex = Buffer.from(digest, 'base64').toString('hex');
  const file = join(cacheContent, algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
  return existsSync(file) ? readFileSync(file) : undefined;
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] => version.split(/[.-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index++) if (x[index] !== y[index]) return x[index]! - y[index]!;
  return 0;
}
