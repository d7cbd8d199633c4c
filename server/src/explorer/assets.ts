import { resolve } from 'node:path';

/**
 * Where the bundled explorer lives: server/dist/explorer/assets. The same path from server/src (the specs run
 * the sources through ts-jest) and from server/dist (the built server), so both serve the one bundle the build made.
 */
export const EXPLORER_ASSETS_DIR = resolve(__dirname, '../../dist/explorer/assets');

/** The files the page loads; the Monaco workers sit next to them as `<label>.worker.js`. */
export const EXPLORER_SCRIPT = 'explorer.js';
export const EXPLORER_STYLESHEET = 'explorer.css';
