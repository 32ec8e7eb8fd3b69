// Public entry of lib/music: the table of shipped Magenta checkpoints.
export { MUSIC_MODELS, type MusicModelInfo } from './constants';
