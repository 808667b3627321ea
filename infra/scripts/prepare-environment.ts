// Run by teamsapp.yml before arm/deploy: generates, once per environment, the values nobody should type.
// The toolkit reads `::set-teamsfx-env NAME=value` lines from stdout and saves them (SECRET_* to the .user file).
import { missingValueLines } from '../src/generated-values.ts';

for (const line of missingValueLines(process.env)) console.log(line);
