// Installs the Azurite pinned in package-lock.json into ./node_modules with `npm ci`, unless it is already there.
// npm ci always wipes and reinstalls (~30 s), so this skips it when node_modules/.package-lock.json, which npm
// writes only once an install has finished, lists every pinned package at its pinned version.
// To force a reinstall, delete node_modules.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

function pinnedPackages(lockfile) {
  const packages = { ...JSON.parse(fs.readFileSync(lockfile, 'utf8')).packages };
  delete packages['']; // the project itself, absent from the installed list
  return packages;
}

function upToDate() {
  if (!fs.existsSync('node_modules/.package-lock.json')) {
    return false;
  }
  const pinned = pinnedPackages('package-lock.json');
  const installed = pinnedPackages('node_modules/.package-lock.json');
  return Object.keys(pinned).length === Object.keys(installed).length
    && Object.entries(pinned).every(([path, pkg]) => installed[path]?.version === pkg.version);
}

if (upToDate()) {
  console.log('Azurite ' + pinnedPackages('package-lock.json')['node_modules/azurite'].version
    + ' already installed in node_modules');
} else {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}
