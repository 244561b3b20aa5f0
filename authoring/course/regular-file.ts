// Everything a build reads from the course folder must be a regular file: a FIFO would block the
// build for ever, a device would never end. Files are opened without blocking and checked on the
// open handle (no window between the check and the read); anything else is described, not read.
import { constants, closeSync, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";

/** O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** "a folder", "a FIFO (named pipe)", … for messages. */
export function describeFileKind(info: Stats): string {
  if (info.isFile()) return "a regular file";
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

export type ReadResult = { ok: true; text: string } | { ok: false; found: string; code?: string };

function notRead(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  return { ok: false, found: code === "ENOENT" ? "no such file" : `an unreadable file (${code ?? String(error)})`, code };
}

/** UTF-8 text of a regular file, or what was found instead. */
export async function readRegularFile(path: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return notRead(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, found: describeFileKind(info) };
    return { ok: true, text: await handle.readFile("utf8") };
  } catch (error) {
    return notRead(error);
  } finally {
    await handle.close();
  }
}

/** The synchronous twin of readRegularFile. */
export function readRegularFileSync(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return notRead(error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, found: describeFileKind(info) };
    return { ok: true, text: readFileSync(fd, "utf8") };
  } catch (error) {
    return notRead(error);
  } finally {
    closeSync(fd);
  }
}
