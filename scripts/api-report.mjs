// The public surface of every subpath, read from the built .d.ts files: each exported name with its kind
// and signature. `node scripts/api-report.mjs` writes api/*.api.txt; `--check` fails when the surface
// differs from the committed report, so that every change to the public API is deliberate.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const entries = {
  index: 'sansansan',
  calendar: 'sansansan/calendar',
  money: 'sansansan/money',
  policy: 'sansansan/policy',
  render: 'sansansan/render',
  holidays: 'sansansan/holidays',
  xlsx: 'sansansan/xlsx',
};
const files = Object.keys(entries).map((e) => join(root, 'dist', `${e}.d.ts`));
const program = ts.createProgram(files, {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
});
const checker = program.getTypeChecker();
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType | ts.TypeFormatFlags.MultilineObjectLiterals;

function describe(symbol) {
  const s = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const decl = s.declarations?.[0];
  if (!decl) return `${symbol.name}: unknown`;
  if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl) || ts.isClassDeclaration(decl)) {
    // Types: their declaration text without comments, whitespace folded.
    const printer = ts.createPrinter({ removeComments: true });
    return printer
      .printNode(ts.EmitHint.Unspecified, decl, decl.getSourceFile())
      .replace(/\s+/g, ' ')
      .replace(/^export (declare )?/, '');
  }
  const type = checker.getTypeOfSymbolAtLocation(s, decl);
  return `${ts.isFunctionDeclaration(decl) ? 'function' : 'const'} ${symbol.name}: ${checker.typeToString(type, decl, flags).replace(/\s+/g, ' ')}`;
}

const check = process.argv.includes('--check');
let changed = [];
mkdirSync(join(root, 'api'), { recursive: true });
for (const [entry, id] of Object.entries(entries)) {
  const sf = program.getSourceFile(join(root, 'dist', `${entry}.d.ts`));
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  const exports = checker.getExportsOfModule(moduleSymbol).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const text = `# ${id}\n\n${exports.map((s) => `${describe(s)}\n`).join('')}`;
  const path = join(root, 'api', `${entry}.api.txt`);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) changed.push(`api/${entry}.api.txt`);
  } else writeFileSync(path, text);
}
if (check && changed.length > 0) {
  console.error(
    `The public API changed: ${changed.join(', ')}.\nIf it is deliberate, run 'npm run api', commit api/ and note the change in CHANGELOG.md.`,
  );
  process.exit(1);
}
console.log(
  check ? `api: ${Object.keys(entries).length} subpaths match api/` : `api: wrote ${Object.keys(entries).length} reports to api/`,
);
