import { type Dirent, type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder to watch: with `names`, only events for those entries count (the project root, where
 * the PDF build's output folder and lock also change); without, every entry and every subfolder.
 */
export interface WatchTarget {
  dir: string;
  names?: ReadonlySet<string>;
}

export interface FolderWatch {
  /** Opens watchers for folders that are new or were replaced, closes those that are gone. */
  sync(targets: readonly WatchTarget[]): void;
  close(): void;
}

/**
 * Watches folders, never files: a file's watcher follows its inode, and a save that writes a
 * temporary file and renames it over (sed -i, atomic editors, sync tools) leaves it watching a
 * deleted file. A folder's watcher sees the rename; the reload then reads every file by name.
 * A folder replaced by another is watched anew on the next `sync` (its inode changed).
 */
export function watchFolders(onEvent: () => void): FolderWatch {
  const open = new Map<string, { inode: string; watcher: FSWatcher }>();
  let closed = false;
  return {
    sync(targets) {
      if (closed) return;
      const wanted = new Map<string, ReadonlySet<string> | undefined>();
      for (const target of targets) {
        for (const dir of target.names ? [target.dir] : folderTree(target.dir)) wanted.set(dir, target.names);
      }
      for (const [dir, watched] of open) {
        if (wanted.has(dir) && inodeOf(dir) === watched.inode) continue;
        watched.watcher.close();
        open.delete(dir);
      }
      for (const [dir, names] of wanted) {
        if (open.has(dir)) continue;
        const watched = openWatcher(dir, names, onEvent);
        if (watched) open.set(dir, watched);
      }
    },
    close() {
      closed = true;
      for (const { watcher } of open.values()) watcher.close();
      open.clear();
    },
  };
}

function openWatcher(dir: string, names: ReadonlySet<string> | undefined, onEvent: () => void) {
  const inode = inodeOf(dir);
  if (!inode) return undefined;
  try {
    const watcher = watch(dir, (_type, name) => {
      if (!names || !name || names.has(name.toString())) onEvent();
    });
    // A watched folder that is removed may report an error; the next sync drops or replaces it.
    watcher.on('error', onEvent);
    return { inode, watcher };
  } catch {
    return undefined;
  }
}

function inodeOf(dir: string): string | undefined {
  try {
    const stat = statSync(dir);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** `dir` and its subfolders, hidden ones left out. */
function folderTree(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const below = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).flatMap((e) => folderTree(join(dir, e.name)));
  return [dir, ...below];
}
