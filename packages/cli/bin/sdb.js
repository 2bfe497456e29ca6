#!/usr/bin/env node
// The bin pnpm links at install, before any build: the command itself is built to dist/main.js.
import '../dist/main.js';
