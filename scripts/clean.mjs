// Remove the folders named on the command line (portable `rm -rf`).
import { rmSync } from 'node:fs';
import process from 'node:process';

for (const dir of process.argv.slice(2)) rmSync(dir, { recursive: true, force: true });
