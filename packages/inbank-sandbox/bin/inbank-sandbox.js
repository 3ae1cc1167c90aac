#!/usr/bin/env node
// The `inbank-sandbox` command: the compiled CLI (src/cli.ts). A committed file, so that npm links the
// command at install time, before a workspace build has made dist/.
require("../dist/cli.js")
