#!/usr/bin/env node
// Thin launcher for the bundled CLI, so `companykit` works from npm's bin link.
require('../out/cli/main.cjs');
