// Part of `npm run build`: writes dist/pglite-template.tar.gz, an empty embedded database with every
// migration applied, which start.ts loads on a first start instead of running initdb and the migrations.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildEmbeddedTemplate } from "@vep/db";

const file = fileURLToPath(new URL("./pglite-template.tar.gz", import.meta.url));
const started = performance.now();
await writeFile(file, await buildEmbeddedTemplate());
console.log(`[build] ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
