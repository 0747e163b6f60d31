/**
 * Every error code a service can answer with is in its registry, worded in Vietnamese and English,
 * and every code a station reports in `sync.error` is worded for the cashier, the same by the
 * station and by the cashier app. The compiler already refuses an unregistered code at a throw
 * site (each service's error class takes only its registry's codes); this reads the sources too,
 * so a code that slips past it (a cast, a body sent by hand) still fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ORDER_RULE_CODES } from "@quay/core";
import { SYNC_ERROR_CODES } from "@quay/protocol";
import { COMMON_ERRORS, type ErrorDefinition, type ErrorText } from "@quay/service-kit";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SERVER_ERRORS } from "../apps/server/src/server-errors.js";
import { STATION_ERRORS } from "../apps/station/src/errors.js";
import { SYNC_ERRORS } from "../apps/station/src/sync/sync-errors.js";
import { en as cashierEn } from "../apps/web/src/cashier/i18n/en.js";
import { vi as cashierVi } from "../apps/web/src/cashier/i18n/vi.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shown = (file: string) => relative(root, file).split(sep).join("/");

/** A service's sources, parsed; tests and test support left out. */
function sources(dir: string): ts.SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!name.endsWith(".ts") || name.endsWith(".d.ts") || /\.test(-support)?\.ts$/.test(name)) return [];
    return [ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true)];
  });
}

/** The string literals anywhere inside `node` (a code chosen by `?:` gives both). */
function literalsIn(node: ts.Node): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  const found: string[] = [];
  ts.forEachChild(node, (child) => {
    found.push(...literalsIn(child));
  });
  return found;
}

const at = (source: ts.SourceFile, node: ts.Node) =>
  `${shown(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

/** The code argument of `new <one of errorClasses>(code, …)`, when `node` is one. */
function thrownCode(node: ts.Node, errorClasses: readonly string[]): ts.Expression | undefined {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  return errorClasses.includes(node.expression.text) ? node.arguments?.[0] : undefined;
}

/** `"X"` of `{ error: { code: "X", … } }`: a body a route sends by hand. */
function sentCode(node: ts.Node): string | undefined {
  if (!ts.isPropertyAssignment(node) || node.name.getText() !== "code") return undefined;
  const body = node.parent.parent;
  const inErrorBody = ts.isPropertyAssignment(body) && body.name.getText() === "error";
  return inErrorBody && ts.isStringLiteralLike(node.initializer) ? node.initializer.text : undefined;
}

interface CodeUse {
  readonly code: string;
  readonly where: string;
}

/** The codes a service answers with, as its sources write them. */
function answeredCodes(files: readonly ts.SourceFile[], errorClasses: readonly string[]): CodeUse[] {
  return files.flatMap((source) => {
    const uses: CodeUse[] = [];
    const visit = (node: ts.Node): void => {
      const thrown = thrownCode(node, errorClasses);
      const sent = sentCode(node);
      const codes = thrown ? literalsIn(thrown) : sent === undefined ? [] : [sent];
      for (const code of codes) uses.push({ code, where: at(source, node) });
      ts.forEachChild(node, visit);
    };
    visit(source);
    return uses;
  });
}

/** Entries without a 4xx/5xx status or without words in both languages. */
function badDefinitions(registry: Readonly<Record<string, ErrorDefinition>>): string[] {
  return Object.entries(registry)
    .filter(
      ([, { status, vi, en }]) =>
        !Number.isInteger(status) || status < 400 || status > 599 || !vi.trim() || !en.trim(),
    )
    .map(([code]) => code);
}

const SERVICES = [
  { name: "server", dir: "apps/server/src", errorClass: "ServerError", own: SERVER_ERRORS },
  { name: "station", dir: "apps/station/src", errorClass: "StationError", own: STATION_ERRORS },
] as const;

describe("error registries", () => {
  it("map every order rule of the core", () => {
    expect(ORDER_RULE_CODES.filter((code) => !Object.hasOwn(COMMON_ERRORS, code))).toEqual([]);
  });

  it("give every code an HTTP status and words in Vietnamese and English", () => {
    expect(badDefinitions(COMMON_ERRORS)).toEqual([]);
    for (const { own } of SERVICES) expect(badDefinitions(own)).toEqual([]);
  });

  it.each(SERVICES)("$name: its own codes do not redefine a common one", ({ own }) => {
    expect(Object.keys(own).filter((code) => Object.hasOwn(COMMON_ERRORS, code))).toEqual([]);
  });

  it.each(SERVICES)("$name: answers only with codes of its registry", ({ dir, errorClass, own }) => {
    const uses = answeredCodes(sources(join(root, dir)), [errorClass, "OrderRuleError", "AppError"]);
    expect(uses.length).toBeGreaterThan(10); // the scan still finds the throw sites
    const registry = { ...COMMON_ERRORS, ...own };
    const missing = uses.filter(({ code }) => !Object.hasOwn(registry, code));
    expect(missing.map(({ code, where }) => `${where} ${code}`)).toEqual([]);
  });

  it("the scan finds codes where services write them", () => {
    const sample = ts.createSourceFile(
      "sample.ts",
      [
        'throw new ServerError("NOT_FOUND", "order 7");',
        'throw new ServerError(ok ? "A_CODE" : "B_CODE");',
        'reply.send({ error: { code: "SENT_CODE", message } });',
        'throw new OtherError("IGNORED"); const code = "ALSO_IGNORED";',
      ].join("\n"),
      ts.ScriptTarget.Latest,
      true,
    );
    expect(answeredCodes([sample], ["ServerError"]).map(({ code }) => code)).toEqual([
      "NOT_FOUND",
      "A_CODE",
      "B_CODE",
      "SENT_CODE",
    ]);
  });
});

describe("sync errors", () => {
  const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]);
  /** What the server may refuse with: the sync engine may compare against these and forwards them. */
  const serverCodes = { ...COMMON_ERRORS, ...SERVER_ERRORS };

  it("every code the station's sync engine writes is a sync error code (or a registered one)", () => {
    const stray = sources(join(root, "apps/station/src/sync")).flatMap((source) => {
      const found: string[] = [];
      const visit = (node: ts.Node): void => {
        if (thrownCode(node, ["StationError"])) return; // an answer: checked against the registry above
        if (ts.isStringLiteralLike(node) && /^[A-Z][A-Z0-9_]{2,}$/.test(node.text)) {
          const known =
            HTTP_METHODS.has(node.text) ||
            (SYNC_ERROR_CODES as readonly string[]).includes(node.text) ||
            Object.hasOwn(serverCodes, node.text);
          if (!known) found.push(`${at(source, node)} ${node.text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    });
    expect(stray).toEqual([]);
  });

  it("the station words every sync error code for the cashier, in both languages", () => {
    expect(Object.keys(SYNC_ERRORS).sort()).toEqual([...SYNC_ERROR_CODES].sort());
    const unworded = Object.entries(SYNC_ERRORS as Record<string, ErrorText>)
      .filter(([, { vi, en }]) => !vi.trim() || !en.trim())
      .map(([code]) => code);
    expect(unworded).toEqual([]);
  });

  it("the cashier app words them as the station does", () => {
    const station = Object.entries(SYNC_ERRORS as Record<string, ErrorText>);
    expect(cashierVi.syncErrors).toEqual(Object.fromEntries(station.map(([code, text]) => [code, text.vi])));
    expect(cashierEn.syncErrors).toEqual(Object.fromEntries(station.map(([code, text]) => [code, text.en])));
  });
});
