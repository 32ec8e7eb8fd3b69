'use client';
// Error boundary of the dream studio: the shared friendly panel with a retry.
export { default } from '../../error';
