// Public entry of lib/persist: IndexedDB projects and models, and model files.
export * from './constants';
export {
  clearAllLocalData,
  deleteProject,
  listLocalData,
  loadProject,
  openStudioDb,
  saveProject,
} from './db';
export {
  artifactsToFiles,
  captureArtifacts,
  expandFiles,
  exportModelZip,
  importModelFiles,
  loadImportedLayersModel,
  zipFiles,
} from './model-files';
export {
  deleteModelFromDb,
  indexedDbModelHandler,
  joinWeightData,
  loadModelFromDb,
  loadStoredModel,
  saveModelToDb,
} from './model-store';
export type * from './types';
