/**
 * Replaces a file atomically: the text goes to a temp file in the same folder (same file system, so the rename is
 * atomic), is fsynced, renamed over the file, and the folder is fsynced so the rename itself survives a power
 * cut. A crash or a full disk leaves either the previous file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Writes `text` to `finalPath` atomically; on failure removes the temp file and rethrows the file system's error. */
export async function writeFileAtomic(finalPath: string, text: string): Promise<void> {
  const dir = path.dirname(finalPath);
  const tempPath = path.join(dir, `.${path.basename(finalPath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, finalPath);
  } catch (error) {
    await unlink(tempPath).catch((unlinkError: unknown) => {
      // ENOENT: the temp file was never created (or already renamed); anything else would hide the first error.
      if (!(unlinkError instanceof Error && 'code' in unlinkError && unlinkError.code === 'ENOENT')) throw unlinkError;
    });
    throw error;
  }
  await syncDirectory(dir);
}

/** fsync of a folder makes a rename in it durable. Some platforms cannot open folders for that: skip it there. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
