#!/usr/bin/env node
// Renames generic Norwegian programming words in src/ to English (issue 11's naming rule), with the
// TypeScript language service so every reference moves with its declaration (src/ and tests/).
// Deterministic and idempotent: declarations are visited in file and position order, a name is
// only ever mapped from Norwegian to English, and a rename whose new name is already visible where
// the symbol is declared or used is skipped and reported. Re-run after merging:
//   node scripts/rename-generic.mjs            apply, then `npx biome check --write src tests`
//   node scripts/rename-generic.mjs --dry      list what would change
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dry = process.argv.includes('--dry');
const verbose = process.argv.includes('--verbose');

// One camelCase part → English. Ambiguous singular/plural words are [singular, plural], chosen by
// whether the declared type is an array, Set or Map.
const WORDS = {
  fil: 'file',
  filen: 'file',
  filer: 'files',
  filene: 'files',
  filnavn: ['fileName', 'fileNames'],
  sti: 'path',
  stien: 'path',
  stier: 'paths',
  stiene: 'paths',
  mappe: 'folder',
  mappen: 'folder',
  mapper: 'folders',
  mappene: 'folders',
  utmappe: 'outFolder',
  nokkel: 'key',
  nokkelen: 'key',
  nokler: 'keys',
  skriv: 'write',
  les: 'read',
  feil: ['error', 'errors'],
  feilen: 'error',
  advarsel: 'warning',
  advarsler: 'warnings',
  verktoy: 'tools',
  innhold: 'content',
  innholdet: 'content',
  side: 'page',
  sider: 'pages',
  sidene: 'pages',
  tekst: 'text',
  teksten: 'text',
  tekster: 'texts',
  kilde: 'source',
  kilden: 'source',
  kilder: 'sources',
  melding: 'message',
  meldingen: 'message',
  meldinger: 'messages',
  liste: 'list',
  lister: 'lists',
  navn: ['name', 'names'],
  navnet: 'name',
  lengde: 'length',
  antall: 'count',
  slutt: 'end',
  ferdig: 'done',
  sjekksum: 'checksum',
};

// Small words translated only inside a name that has one of the words above (`arMedFeil` →
// `arWithErrors`), never on their own.
const GLUE = {
  med: 'with',
  fra: 'from',
  i: 'in',
  som: 'as',
  ny: 'new',
  nye: 'new',
  felles: 'common',
  struktur: 'structure',
  grense: 'limit',
};

// Whole names that read better than word for word.
const NAMES = { lesAv: 'readingOff', SideFelles: 'CommonPage' };

function splitName(name) {
  if (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name)) return { parts: name.split('_'), snake: true };
  return { parts: name.split(/(?<=[a-z0-9])(?=[A-Z])|(_)/).filter((p) => p !== undefined), snake: false };
}

function mapPart(part, plural, dictionary = WORDS) {
  const lower = part.toLowerCase();
  let english = Object.hasOwn(dictionary, lower) ? dictionary[lower] : undefined;
  if (Array.isArray(english)) english = english[plural ? 1 : 0];
  if (english === undefined) return part;
  if (part === part.toUpperCase() && part.length > 1) return english.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return part[0] === part[0].toUpperCase() ? english[0].toUpperCase() + english.slice(1) : english;
}

/** The English name for `name`, or the same name when nothing in it is on the list. */
export function englishName(name, plural = false) {
  if (Object.hasOwn(NAMES, name)) return NAMES[name];
  const { parts, snake } = splitName(name);
  if (parts.some((p) => p === '')) return name; // _private, trailing _
  let mapped = parts.map((p) => mapPart(p, plural));
  if (mapped.every((p, i) => p === parts[i])) return name;
  mapped = mapped.map((p, i) => (p === parts[i] ? mapPart(p, plural, GLUE) : p));
  // «antall X» is «X count».
  if (!snake && mapped.length > 1 && mapped[0] === 'count')
    mapped = [mapped[1][0].toLowerCase() + mapped[1].slice(1), ...mapped.slice(2), 'Count'];
  return snake ? mapped.join('_') : mapped.join('');
}

// ---- the language service over tsconfig.json's files -------------------------------------------

const parsed = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
);
const files = new Map(parsed.fileNames.map((f) => [f, { text: readFileSync(f, 'utf8'), version: 0 }]));
const host = {
  getScriptFileNames: () => [...files.keys()],
  getScriptVersion: (f) => String(files.get(f)?.version ?? 0),
  getScriptSnapshot: (f) => {
    const text = files.get(f)?.text ?? (ts.sys.fileExists(f) ? ts.sys.readFile(f) : undefined);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => root,
  getCompilationSettings: () => parsed.options,
  getDefaultLibFileName: ts.getDefaultLibFilePath,
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());
const rel = (f) => relative(root, f).split('\\').join('/');
const inSrc = (f) => rel(f).startsWith('src/') && f.endsWith('.ts');
const editable = (f) => files.has(f) && /^(src|tests)\//.test(rel(f));

// ---- what may be renamed -------------------------------------------------------------------------

// Members of these types leave the process or are read by name from outside TypeScript (template
// data, JSON on disk, YAML schemas): their property names are a format and stay. `file: *` freezes
// every type member declared in the file.
const FROZEN = new Set([
  'src/pipeline/render/views.ts:*', // template data
  'src/pipeline/render/site-views.ts:*',
  'src/pipeline/model/arsplan.ts:*',
  'src/pipeline/render/arsplan.ts:*',
  'src/publish/sider.ts:*',
  'src/domain/journal.ts:*', // journal.json
  'src/pipeline/render/einnsyn.ts:*', // einnsyn.json
  'src/pipeline/model/einnsyn-format.ts:*',
  'src/pipeline/model/schema.ts:*', // the YAML schemas
  'src/cli/*', // flags
  'src/cache/register.ts:Contents', // JSON in the cache folder
  'src/cache/register.ts:MoteEntry',
  'src/cache/register.ts:RunEntry',
  'src/cache/document-cache.ts:meta',
  'src/publish/pdftekst.ts:*',
  'src/publish/versjoner.ts:*',
]);

// A member named like a field the built-in templates use may reach a template (the organisation's
// own templates see the same data), so it stays too.
const TEMPLATE_FIELDS = new Set();
for (const f of ts.sys.readDirectory(join(root, 'templates'), ['.hbs'], undefined, ['**/*']))
  for (const m of readFileSync(f, 'utf8').matchAll(/\{\{[^}]*\}\}/g))
    for (const w of m[0].matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) TEMPLATE_FIELDS.add(w[0]);

function isFrozen(file, owner, old) {
  const f = rel(file.fileName);
  return (
    FROZEN.has(`${f}:*`) || FROZEN.has(`${f}:${owner}`) || FROZEN.has(`${f.slice(0, f.lastIndexOf('/'))}/*`) || TEMPLATE_FIELDS.has(old)
  );
}

const MEMBER = new Set([ts.SyntaxKind.PropertySignature, ts.SyntaxKind.MethodSignature]);
const CLASS_MEMBER = new Set([
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);
const LOCAL = new Set([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.BindingElement,
]);

/** The name of the type that declares a member, for FROZEN and for the report. */
function ownerName(decl) {
  let p = decl.parent;
  while (p && !ts.isSourceFile(p)) {
    if ((ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isClassDeclaration(p)) && p.name) return p.name.text;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if ((ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) && p.name) return `${p.name.getText()}()`;
    p = p.parent;
  }
  return '(file)';
}

/** Where the declaration sits, stable under renames elsewhere: file, owners, own name, position among same-named declarations. */
function keyOf(file, decl, index) {
  return `${rel(file.fileName)}|${ownerName(decl)}|${decl.name.text}|${ts.SyntaxKind[decl.kind]}|${index}`;
}

function isPlural(checker, node) {
  let type = checker.getTypeAtLocation(node);
  const call = type.getCallSignatures()[0];
  if (call) type = checker.getAwaitedType(call.getReturnType()) ?? call.getReturnType();
  const types = type.isUnion() ? type.types : [type];
  return types.some((t) => {
    if (checker.isArrayType(t) || checker.isTupleType(t)) return true;
    const name = t.getSymbol()?.getName();
    return (
      name === 'Set' || name === 'Map' || name === 'ReadonlySet' || name === 'ReadonlyMap' || name === 'Array' || name === 'ReadonlyArray'
    );
  });
}

/** Module-level declarations go before the locals that may destructure them. */
function isTopLevel(node) {
  if (ts.isVariableDeclaration(node)) return ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent);
  return ts.isSourceFile(node.parent);
}

/** Every declaration in src/ whose name the list may change, in file and position order. */
function candidates(program, phase) {
  const found = [];
  for (const file of program
    .getSourceFiles()
    .filter((f) => inSrc(f.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
    const seen = new Map();
    const visit = (node) => {
      const kinds = phase === 'members' ? MEMBER : phase === 'class' ? CLASS_MEMBER : LOCAL;
      const level = () => (phase === 'top' ? isTopLevel(node) : phase === 'inner' ? !isTopLevel(node) : true);
      if (kinds.has(node.kind) && node.name && ts.isIdentifier(node.name) && level()) {
        const old = node.name.text;
        if (englishName(old, false) !== old || englishName(old, true) !== old) {
          const index = (seen.get(old) ?? 0) + 1;
          seen.set(old, index);
          const owner = ownerName(node);
          const frozen = (phase === 'members' || phase === 'class') && isFrozen(file, owner, old);
          found.push({ file, node, old, owner, frozen, key: keyOf(file, node, index) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

// ---- collisions ----------------------------------------------------------------------------------

function nodeAt(sourceFile, pos) {
  let hit;
  const visit = (node) => {
    if (pos < node.getStart(sourceFile) || pos >= node.getEnd()) return;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) hit = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return hit;
}

function isPropertyName(node) {
  const p = node.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === node) ||
    (ts.isQualifiedName(p) && p.right === node) ||
    ((ts.isPropertyAssignment(p) ||
      ts.isPropertySignature(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p)) &&
      p.name === node) ||
    (ts.isBindingElement(p) && p.propertyName === node) ||
    (ts.isImportSpecifier(p) && p.propertyName === node) ||
    (ts.isExportSpecifier(p) && p.propertyName === node)
  );
}

const hasMember = (checker, type, name) => (type.isUnion() ? type.types : [type]).some((t) => checker.getPropertyOfType(t, name));

/** Why renaming the symbol at these locations to `name` would change what a name means, or undefined. */
function collision(program, locations, symbol, name) {
  const checker = program.getTypeChecker();
  for (const loc of locations) {
    const sf = program.getSourceFile(loc.fileName);
    const node = nodeAt(sf, loc.textSpan.start);
    if (!node) continue;
    const where = `${rel(loc.fileName)}:${sf.getLineAndCharacterOfPosition(loc.textSpan.start).line + 1}`;
    const p = node.parent;
    if (isPropertyName(node) || ts.isShorthandPropertyAssignment(p)) {
      if (ts.isPropertyAccessExpression(p) && hasMember(checker, checker.getTypeAtLocation(p.expression), name))
        return `${where}: the object already has «${name}»`;
      const owner =
        ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p)
          ? p.parent
          : ts.isBindingElement(p)
            ? p.parent
            : p.parent;
      if (
        owner &&
        (ts.isObjectLiteralExpression(owner) || ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner) || ts.isClassLike(owner))
      ) {
        if (owner.members?.some((m) => m.name?.getText() === name) || owner.properties?.some((m) => m.name?.getText() === name))
          return `${where}: a sibling is already called «${name}»`;
        const type = checker.getContextualType?.(owner) ?? undefined;
        if (ts.isObjectLiteralExpression(owner) && type && hasMember(checker, type, name))
          return `${where}: the target type already has «${name}»`;
        if (!ts.isObjectLiteralExpression(owner) && hasMember(checker, checker.getTypeAtLocation(owner), name))
          return `${where}: the type already has «${name}»`;
      }
      if (ts.isBindingElement(p) && hasMember(checker, checker.getTypeAtLocation(p.parent), name))
        return `${where}: the type already has «${name}»`;
      if (!ts.isShorthandPropertyAssignment(p)) continue;
    }
    // A value or type of that name is already visible here…
    const visible = checker.getSymbolsInScope(
      node,
      ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Namespace | ts.SymbolFlags.Alias,
    );
    if (visible.some((s) => s.getName() === name && s !== symbol)) return `${where}: «${name}» is already in scope`;
  }
  // …or a use of another «name» would be captured by the renamed declaration.
  const decl = symbol.declarations?.[0];
  if (decl && !isPropertyName(decl.name ?? decl)) {
    for (const fileName of new Set(locations.map((l) => l.fileName))) {
      const sf = program.getSourceFile(fileName);
      const scope = fileName === decl.getSourceFile().fileName ? scopeOf(decl) : sf;
      let captured;
      const visit = (n) => {
        if (captured) return;
        if (ts.isIdentifier(n) && n.text === name && !isPropertyName(n)) {
          const other = checker.getSymbolAtLocation(n);
          if (other && other !== symbol)
            captured = `${rel(fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: «${name}» is used there`;
        }
        ts.forEachChild(n, visit);
      };
      visit(scope);
      if (captured) return captured;
    }
  }
  return undefined;
}

/** The node a local declaration is visible in. */
function scopeOf(decl) {
  let p = decl.parent;
  const isVar = ts.isVariableDeclaration(decl) && decl.parent && !(decl.parent.flags & ts.NodeFlags.BlockScoped);
  if (ts.isParameter(decl)) return decl.parent;
  if (
    ts.isFunctionDeclaration(decl) ||
    ts.isClassDeclaration(decl) ||
    ts.isInterfaceDeclaration(decl) ||
    ts.isTypeAliasDeclaration(decl) ||
    ts.isEnumDeclaration(decl)
  )
    p = decl.parent;
  while (p && !ts.isSourceFile(p)) {
    if (
      isVar
        ? ts.isFunctionLike(p)
        : ts.isBlock(p) ||
          ts.isFunctionLike(p) ||
          ts.isForStatement(p) ||
          ts.isForOfStatement(p) ||
          ts.isForInStatement(p) ||
          ts.isCatchClause(p) ||
          ts.isModuleBlock(p) ||
          ts.isCaseBlock(p)
    )
      return p;
    p = p.parent;
  }
  return p;
}

// ---- the run -------------------------------------------------------------------------------------

function apply(locations, name) {
  const byFile = new Map();
  for (const l of locations) byFile.set(l.fileName, [...(byFile.get(l.fileName) ?? []), l]);
  for (const [fileName, locs] of byFile) {
    const entry = files.get(fileName);
    let text = entry.text;
    for (const l of [...locs].sort((a, b) => b.textSpan.start - a.textSpan.start))
      text =
        text.slice(0, l.textSpan.start) +
        (l.prefixText ?? '') +
        name +
        (l.suffixText ?? '') +
        text.slice(l.textSpan.start + l.textSpan.length);
    entry.text = text;
    entry.version += 1;
    entry.changed = true;
  }
}

/** Undo what renaming leaves behind: `{ file: file }` is `{ file }`. */
function shorthand() {
  for (const [fileName, entry] of files) {
    if (!entry.changed) continue;
    const sf = ts.createSourceFile(fileName, entry.text, ts.ScriptTarget.Latest, true);
    const spans = [];
    const visit = (n) => {
      if (
        ts.isBindingElement(n) &&
        n.propertyName &&
        ts.isIdentifier(n.propertyName) &&
        ts.isIdentifier(n.name) &&
        n.propertyName.text === n.name.text
      )
        spans.push([n.propertyName.getStart(sf), n.name.getStart(sf)]);
      if (
        ts.isPropertyAssignment(n) &&
        ts.isIdentifier(n.name) &&
        ts.isIdentifier(n.initializer) &&
        n.name.text === n.initializer.text &&
        ts.isObjectLiteralExpression(n.parent)
      )
        spans.push([n.name.getEnd(), n.initializer.getEnd()]);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    let text = entry.text;
    for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + text.slice(end);
    entry.text = text;
  }
}

function runPhase(phase, done, exclude, out) {
  for (;;) {
    const program = service.getProgram();
    const next = candidates(program, phase).find((c) => !done.has(c.key));
    if (!next) return;
    done.add(next.key);
    const where = `${rel(next.file.fileName)}:${next.file.getLineAndCharacterOfPosition(next.node.name.getStart(next.file)).line + 1}`;
    const checker = program.getTypeChecker();
    const name = englishName(next.old, isPlural(checker, next.node.name));
    const item = {
      key: next.key,
      where,
      owner: next.owner,
      old: next.old,
      name,
      kind: ts.SyntaxKind[next.node.kind],
      literal: ts.isTypeLiteralNode(next.node.parent),
      siblings: new Set(
        (next.node.parent.members ?? []).flatMap((m) =>
          m.name ? [m.name.getText(), englishName(m.name.getText()), englishName(m.name.getText(), true)] : [],
        ),
      ),
    };
    if (name === next.old) continue;
    if (next.frozen) {
      out.kept.push(item);
      continue;
    }
    if (exclude.has(next.key)) {
      out.skipped.push({ ...item, why: exclude.get(next.key) });
      continue;
    }
    const pos = next.node.name.getStart(next.file);
    const locations = service.findRenameLocations(next.file.fileName, pos, false, false, { providePrefixAndSuffixTextForRename: true });
    const symbol = checker.getSymbolAtLocation(next.node.name);
    if (!locations?.length || !symbol) {
      out.skipped.push({ ...item, why: 'the language service cannot rename it' });
      continue;
    }
    const outside = locations.find((l) => !editable(l.fileName));
    if (outside) {
      out.skipped.push({ ...item, why: `a use is outside src/ and tests/ (${rel(outside.fileName)})` });
      continue;
    }
    const why = collision(program, locations, symbol, name);
    if (why) {
      out.skipped.push({ ...item, why });
      continue;
    }
    out.renamed.push({ ...item, uses: locations.length });
    if (verbose) console.error(`${where} ${next.old} → ${name} (${locations.length})`);
    if (!dry) apply(locations, name);
  }
}

function typeErrors() {
  const program = service.getProgram();
  return program
    .getSourceFiles()
    .filter((f) => files.has(f.fileName))
    .flatMap((f) => program.getSemanticDiagnostics(f))
    .map((d) => ({
      where: d.file ? `${rel(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '(program)',
      text: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    }));
}

/** The member renames a type error is about: an object literal the compiler could not tie to the member kept the old name. */
function blame(errors, renamed) {
  const blamed = new Map();
  for (const e of errors)
    for (const r of renamed) {
      const names = e.text.includes(`'${r.name}'`) || e.text.includes(`'${r.old}'`);
      const owner = r.literal ? e.text.includes(` ${r.name}: `) : e.text.includes(`'${r.owner}'`);
      if (names && owner && !exclude.has(r.key))
        blamed.set(r.key, `a use the compiler does not tie to the member keeps the old name (${e.where}: ${e.text.slice(0, 120)}…)`);
    }
  return blamed;
}

/**
 * Members an object literal without a type may still fill under the old name: the compiler cannot
 * see past a cast (`file.data as RawData`), so a literal that has the old name and otherwise only
 * the member's siblings keeps the member as it is (a literal of one property only in src/: the
 * tests write YAML data as literals).
 */
function untypedLiterals(renamed) {
  const program = service.getProgram();
  const checker = program.getTypeChecker();
  const members = renamed.filter((r) => r.siblings.size > 0);
  const blamed = new Map();
  for (const sf of program.getSourceFiles().filter((f) => editable(f.fileName))) {
    const visit = (n) => {
      if (ts.isObjectLiteralExpression(n) && !checker.getContextualType(n)) {
        const names = n.properties.flatMap((p) => (p.name && !ts.isComputedPropertyName(p.name) ? [p.name.getText(sf)] : []));
        for (const r of members)
          if (names.includes(r.old) && names.every((x) => x === r.old || r.siblings.has(x)) && (names.length > 1 || inSrc(sf.fileName)))
            blamed.set(
              r.key,
              `an object literal without a type has «${r.old}» (${rel(sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1})`,
            );
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return blamed;
}

// Members first, as often as a type error shows one the compiler cannot follow (an untyped object
// literal that later meets the type); such a member keeps its name. Then the rest.
const snapshot = new Map([...files].map(([f, e]) => [f, e.text]));
const exclude = new Map();
let out;
for (;;) {
  out = { renamed: [], skipped: [], kept: [] };
  const done = new Set();
  for (const phase of ['members', 'class']) runPhase(phase, done, exclude, out);
  if (dry) break;
  const blamed = blame(typeErrors(), out.renamed);
  for (const [key, why] of untypedLiterals(out.renamed)) if (!exclude.has(key)) blamed.set(key, why);
  if (blamed.size === 0) {
    // Again until nothing more changes: a rename can free a name an earlier one collided with.
    const memberSkipped = out.skipped;
    for (let before = -1; before !== out.renamed.length; ) {
      before = out.renamed.length;
      out.skipped = [...memberSkipped];
      const pass = new Set();
      for (const phase of ['top', 'inner']) runPhase(phase, pass, exclude, out);
    }
    break;
  }
  for (const [key, why] of blamed) exclude.set(key, why);
  console.error(`rename-generic: ${blamed.size} members keep their names because of type errors; again without them`);
  for (const [f, e] of files) {
    if (e.text !== snapshot.get(f)) e.version += 1;
    e.text = snapshot.get(f);
    e.changed = false;
  }
}
const { renamed, skipped, kept } = out;
const errors = dry ? [] : typeErrors();
shorthand();
if (!dry) for (const [fileName, entry] of files) if (entry.changed) writeFileSync(fileName, entry.text);

const count = new Map();
for (const r of renamed) count.set(`${r.old} → ${r.name}`, (count.get(`${r.old} → ${r.name}`) ?? 0) + r.uses);
console.log(`${dry ? 'would rename' : 'renamed'} ${renamed.length} declarations, ${[...count.values()].reduce((a, b) => a + b, 0)} uses`);
for (const [pair, uses] of [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`  ${pair}  ${uses}`);
if (kept.length) console.log(`kept (a format): ${kept.length}`);
for (const k of kept) console.log(`  ${k.where} ${k.owner}.${k.old}`);
if (process.argv.includes('--list')) for (const r of renamed) console.log(`  ${r.kind} ${r.where} ${r.owner}.${r.old} → ${r.name}`);
if (errors.length) console.log(`type errors left: ${errors.length}`);
for (const e of errors) console.log(`  ${e.where}: ${e.text}`);
if (skipped.length) console.log(`skipped: ${skipped.length}`);
for (const s of skipped) console.log(`  ${s.where} ${s.old} → ${s.name}: ${s.why}`);
