/**
 * The layers of docs/architecture.md ("Layers"), checked: `core` ← `protocol` ← `server` /
 * `station` ← apps. `core` is pure (relative imports only; no clock, randomness, timers or network
 * of its own), `protocol` builds only on zod, core and Ajv (which compiles its largest schemas), no app imports another app, and every
 * package and app declares in its package.json each package its code imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const APPS = ["server", "station", "web"] as const;

/**
 * Source files under `dir`, recursively; tests and test support (`*.test.ts`, `*.test-support.ts`,
 * anything in a `test-support/` folder) only when asked for.
 */
function sourceFiles(dir: string, { withTests = false } = {}): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path, { withTests });
    if (!/\.(ts|tsx|mts|cts)$/.test(name) || name.endsWith(".d.ts")) return [];
    const isTest =
      /\.test\.tsx?$/.test(name) ||
      /\.test-support\.tsx?$/.test(name) ||
      relative(root, path).split(sep).includes("test-support");
    return isTest && !withTests ? [] : [path];
  });
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
}

/** Every module specifier: static imports and re-exports, `import()`, `require()`, `import x = require()`. */
function importsOf(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      specifiers.push(node.expression.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isLoader =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require");
      const [first] = node.arguments;
      if (isLoader && first && ts.isStringLiteralLike(first)) specifiers.push(first.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

const isRelative = (specifier: string) => specifier.startsWith("./") || specifier.startsWith("../");
/** `@scope/name/sub` → `@scope/name`; `zod/v4` → `zod`; `node:fs` stays `node:fs`. */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const shown = (file: string) => relative(root, file).split(sep).join("/");

/**
 * The ways core could reach for the world instead of being handed it (docs/architecture.md,
 * "The core is pure").
 */
const IMPURE = [
  /\bDate\.now\b/,
  /\bnew Date\(\s*\)/,
  /\bMath\.random\b/,
  /\bsetTimeout\b/,
  /\bsetInterval\b/,
  /\bfetch\(/,
  /\bcrypto\./,
];
/** The code without its comments (reprinted from the syntax tree), so prose may name what code may not use. */
const codeOf = (source: ts.SourceFile) => ts.createPrinter({ removeComments: true }).printFile(source);

interface Manifest {
  readonly name?: string;
  readonly workspaces?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}
const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const rootManifest = manifestOf(root);
/** Every package and app of the workspace, as the root package.json lists them. */
const WORKSPACES = rootManifest.workspaces ?? [];

/**
 * Every file under `dir` that may import something, split by what it may rely on: `shipped`
 * code only on the package's dependencies; `dev` files (tests, test support, and the plain
 * `.mjs`/`.js` tools kept beside the code, which no build ships) on its devDependencies and the
 * root's too.
 */
function importingFiles(dir: string): { shipped: string[]; dev: string[] } {
  const all = sourceFiles(dir, { withTests: true });
  const shipped = new Set(sourceFiles(dir));
  const tools = (function scripts(folder: string): string[] {
    if (!existsSync(folder)) return [];
    return readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : scripts(path);
      return /\.(mjs|cjs|js)$/.test(name) ? [path] : [];
    });
  })(dir);
  return { shipped: [...shipped], dev: [...all.filter((file) => !shipped.has(file)), ...tools] };
}

function parseAny(file: string): ts.SourceFile {
  if (/\.(mjs|cjs|js)$/.test(file)) {
    return ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.JS,
    );
  }
  return parse(file);
}

/** The packages a file imports by bare name (`@scope/name/sub` → `@scope/name`), Node's own left out. */
const packagesImportedBy = (source: ts.SourceFile) =>
  importsOf(source)
    .filter((specifier) => !isRelative(specifier) && !specifier.startsWith("/") && !isBuiltin(specifier))
    .map(packageOf);

/** The packages `files` import that `declared` lacks, as "file imports name" lines. */
function undeclaredImports(files: readonly string[], declared: ReadonlySet<string>): string[] {
  return files.flatMap((file) =>
    packagesImportedBy(parseAny(file))
      .filter((name) => !declared.has(name))
      .map((name) => `${shown(file)} imports ${name}, not declared in its package.json`),
  );
}

describe("layering", () => {
  const coreFiles = sourceFiles(join(root, "packages/core/src"));

  it("core imports only its own modules: no node: modules, no packages", () => {
    expect(coreFiles.length).toBeGreaterThan(5);
    const outside = coreFiles.flatMap((file) =>
      importsOf(parse(file))
        .filter((specifier) => !isRelative(specifier))
        .map((specifier) => `${shown(file)} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it("core declares no dependencies", () => {
    const manifest = JSON.parse(readFileSync(join(root, "packages/core/package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("core never reads the clock, draws randomness, sets timers or goes to the network", () => {
    const uses = coreFiles.flatMap((file) => {
      const code = codeOf(parse(file));
      return IMPURE.filter((pattern) => pattern.test(code)).map(
        (pattern) => `${shown(file)}: ${pattern.source}`,
      );
    });
    expect(uses).toEqual([]);
  });

  it("the impurity patterns catch what they are meant to, and ignore comments", () => {
    const sample = ts.createSourceFile(
      "sample.ts",
      "// Date.now() is banned here\nconst t = Date.now(); const d = new Date(); const e = new Date(t); fetch(url);",
      ts.ScriptTarget.Latest,
      true,
    );
    const hits = IMPURE.filter((pattern) => pattern.test(codeOf(sample))).map((pattern) => pattern.source);
    expect(hits).toEqual([IMPURE[0]?.source, IMPURE[1]?.source, IMPURE[5]?.source]);
    expect(codeOf(sample)).not.toContain("banned");
  });

  it("protocol builds only on zod, ajv and @quay/core", () => {
    const files = sourceFiles(join(root, "packages/protocol/src"));
    if (files.length === 0) return; // not written yet
    const allowed = new Set(["zod", "ajv", "@quay/core"]);
    const outside = files.flatMap((file) =>
      importsOf(parse(file))
        .filter((specifier) => !isRelative(specifier) && !allowed.has(packageOf(specifier)))
        .map((specifier) => `${shown(file)} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it.each(APPS)("apps/%s imports no other app", (app) => {
    const appRoot = join(root, "apps", app);
    const others = APPS.filter((other) => other !== app);
    const crossings = sourceFiles(join(appRoot, "src"), { withTests: true }).flatMap((file) =>
      importsOf(parse(file))
        .filter((specifier) => {
          if (!isRelative(specifier))
            return others.some((other) => packageOf(specifier) === `@quay/${other}`);
          const target = resolve(dirname(file), specifier);
          return others.some((other) => target.startsWith(join(root, "apps", other) + sep));
        })
        .map((specifier) => `${shown(file)} imports ${specifier}`),
    );
    expect(crossings).toEqual([]);
  });

  it("the workspaces list every package and app", () => {
    const listed = new Set(WORKSPACES);
    const onDisk = ["packages", "apps"].flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((name) => existsSync(join(root, folder, name, "package.json")))
        .map((name) => `${folder}/${name}`),
    );
    expect(onDisk.filter((workspace) => !listed.has(workspace))).toEqual([]);
  });

  it.each(WORKSPACES)("%s declares every package its code imports", (workspace) => {
    const dir = join(root, workspace);
    const manifest = manifestOf(dir);
    const runtime = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
    ]);
    const forDev = new Set([
      ...runtime,
      ...Object.keys(manifest.devDependencies ?? {}),
      ...Object.keys(rootManifest.devDependencies ?? {}),
    ]);
    const { shipped, dev } = importingFiles(join(dir, "src"));
    expect(shipped.length, `${workspace}/src has no code`).toBeGreaterThan(0);
    expect([...undeclaredImports(shipped, runtime), ...undeclaredImports(dev, forDev)]).toEqual([]);
  });

  it("the declared-dependency check sees what it is meant to", () => {
    const sample = ts.createSourceFile(
      "sample.ts",
      'import a from "left-pad"; import type { B } from "@scope/pkg/sub"; import "node:fs"; import "os";' +
        ' import c from "./local.js"; const d = await import("dyn");',
      ts.ScriptTarget.Latest,
      true,
    );
    expect(packagesImportedBy(sample)).toEqual(["left-pad", "@scope/pkg", "dyn"]);
  });
});
