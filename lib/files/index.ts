// Public entry of lib/files: one validation layer for every file the studios read.
export * from './constants';
export * from './audio';
export * from './csv';
export * from './off-thread';
export * from './errors';
export * from './image';
export * from './midi';
export * from './schemas';
export * from './zip';
export * from './repair';
export * from './stored';
