/*
 * `npm install` runs this first thing of the project's own (the root `preinstall`), on the Node
 * that runs npm. Builds and tests run on the Node 24 of the `node` dev dependency, but npm decides
 * with the machine's Node which optional native bindings to install: below Node 20.19 (and on
 * 21.x, 22.0 to 22.11) it skips those of rolldown and the Astro compiler (their engines are
 * `^20.19.0 || >=22.12.0`), and `npm run build` then fails with "Cannot find native binding".
 *
 * Written in ES5 so that any Node can parse it and print the one line below.
 * npm puts the root's node_modules/.bin (where the `node` package links Node 24) first on the PATH
 * of this script, so the Node that runs npm is read from npm's user agent, not process.version.
 */
'use strict';

var NEEDED = 'Node 20.19 or a later 20.x, or Node 22.12 or later';

function versionOfNpmNode(env) {
  var agent = /\bnode\/v?(\d+)\.(\d+)\.(\d+)/.exec(env.npm_config_user_agent || '');
  var version = agent ? agent[1] + '.' + agent[2] + '.' + agent[3] : process.versions.node;
  return version.split('.').map(Number);
}

/** `^20.19.0 || >=22.12.0`, the engines of @rolldown/binding-* and @astrojs/compiler-binding-*. */
function supported(v) {
  if (v[0] === 20) return v[1] >= 19;
  if (v[0] === 22) return v[1] >= 12;
  return v[0] > 22;
}

var version = versionOfNpmNode(process.env);
if (!supported(version)) {
  process.stderr.write(
    'plumbline: npm runs on Node ' + version.join('.') + ', but installing needs ' + NEEDED +
      ' (on other versions npm skips native bindings that the build needs); install Node 22.12 or later, then run npm install again.\n'
  );
  process.exit(1);
}
