// Constants for local persistence.

/** The one IndexedDB database the studio owns. */
export const DB_NAME = 'creative-ai-studio';
/** Schema version of {@link DB_NAME}. */
export const DB_VERSION = 1;
/** Object stores: projects (any structured-cloneable value) and models (StoredModel). */
export const STORE_PROJECTS = 'projects';
export const STORE_MODELS = 'models';
/** IndexedDB databases that tfjs itself may have created (tf.io indexeddb:// scheme). */
export const TFJS_DB_NAMES: readonly string[] = Object.freeze(['tensorflowjs']);
/** Prefix of every localStorage key the studio writes. */
export const LOCAL_STORAGE_PREFIX = 'cais.';
/** File names inside an exported model. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const METADATA_JSON = 'metadata.json';
