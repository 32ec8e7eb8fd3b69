// IndexedDB access: projects and models survive a reload and never leave the device.
import { type IDBPDatabase, deleteDB, openDB } from 'idb';

import {
  DB_NAME,
  DB_VERSION,
  LOCAL_STORAGE_PREFIX,
  STORE_MODELS,
  STORE_PROJECTS,
  TFJS_DB_NAMES,
} from './constants';

let dbPromise: Promise<IDBPDatabase> | null = null;

/** Opens (once) the studio's database. */
export function openStudioDb(): Promise<IDBPDatabase> {
  if (!dbPromise) {
    dbPromise = openDB(DB_NAME, DB_VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains(STORE_PROJECTS)) db.createObjectStore(STORE_PROJECTS);
        if (!db.objectStoreNames.contains(STORE_MODELS)) db.createObjectStore(STORE_MODELS);
      },
      blocking() {
        // Another tab wants to delete or upgrade: let it.
        void dbPromise?.then((db) => db.close());
        dbPromise = null;
      },
    });
  }
  return dbPromise;
}

/** Saves a project (any structured-cloneable value) under `key`. */
export async function saveProject<T>(key: string, value: T): Promise<void> {
  const db = await openStudioDb();
  await db.put(STORE_PROJECTS, value, key);
}

/** Loads a project, or undefined when none is saved under `key`. */
export async function loadProject<T>(key: string): Promise<T | undefined> {
  const db = await openStudioDb();
  return (await db.get(STORE_PROJECTS, key)) as T | undefined;
}

/** Deletes one project. */
export async function deleteProject(key: string): Promise<void> {
  const db = await openStudioDb();
  await db.delete(STORE_PROJECTS, key);
}

/** Keys of every saved project and model, for the privacy page. */
export async function listLocalData(): Promise<{ projects: string[]; models: string[] }> {
  const db = await openStudioDb();
  const projects = (await db.getAllKeys(STORE_PROJECTS)).map(String);
  const models = (await db.getAllKeys(STORE_MODELS)).map(String);
  return { projects, models };
}

/**
 * Deletes everything the studio stored on this device: its IndexedDB database, tfjs's own
 * model database, and its localStorage keys. Returns how many items were removed.
 */
export async function clearAllLocalData(): Promise<number> {
  let removed = 0;
  try {
    const { projects, models } = await listLocalData();
    removed += projects.length + models.length;
  } catch {
    // An unreadable database is deleted all the same.
  }
  if (dbPromise) {
    (await dbPromise).close();
    dbPromise = null;
  }
  await deleteDB(DB_NAME);
  for (const name of TFJS_DB_NAMES) await deleteDB(name);
  const storage = (globalThis as { localStorage?: Storage }).localStorage;
  if (storage) {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (k): k is string => k !== null && k.startsWith(LOCAL_STORAGE_PREFIX),
    );
    for (const k of keys) storage.removeItem(k);
    removed += keys.length;
  }
  return removed;
}
