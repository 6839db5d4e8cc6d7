#!/usr/bin/env node
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
