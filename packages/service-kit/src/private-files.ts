import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";

/** Owner only: a service's data holds its token secret, password hashes and unsynced sales. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
/** The files SQLite keeps beside a database in WAL mode. */
const SQLITE_COMPANIONS = ["-wal", "-shm", "-journal"] as const;

/**
 * Creates `dir` (and any missing parent) readable by this user only, and takes group and other
 * access off it when it already exists and is ours (a folder someone else owns is left alone:
 * the files in it are private anyway).
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes a SQLite database private before it is opened: creates the file 0600 when it is new
 * (SQLite gives the -wal and -shm files it creates later the main file's mode), and tightens the
 * main file and those it already has to 0600.
 */
export function preparePrivateDatabase(file: string): void {
  // "a" creates the file empty when missing and never truncates one that exists.
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  for (const path of [file, ...SQLITE_COMPANIONS.map((suffix) => file + suffix)]) {
    tighten(path, PRIVATE_FILE_MODE);
  }
}

/** Sets `mode` on a path this user owns when it grants more than that; missing paths are skipped. */
function tighten(path: string, mode: number): void {
  if (process.platform === "win32") return; // no POSIX modes: the folder's ACL governs
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if ((stats.mode & 0o777 & ~mode) === 0) return;
  if (stats.uid !== process.getuid?.()) return;
  chmodSync(path, mode);
}
