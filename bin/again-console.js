#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `node bin/again-console.js scan …` works from
// a checkout without a build step or `npm link`.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// stderr carries progress for humans and CI logs; the SDK's Node-version notice is noise there.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A scan allocates far more (SDK responses parsed and dropped) than it keeps: collect garbage
// before growing the heap, so peak memory follows what is live rather than what was allocated.
setFlagsFromString('--optimize-for-size');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
