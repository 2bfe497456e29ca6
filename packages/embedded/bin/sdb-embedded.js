#!/usr/bin/env node
// The bin pnpm links at install, before any build: the CLI itself is built to dist/cli.js.
import '../dist/cli.js';
