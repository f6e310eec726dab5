// Interdict as a library: screening and matching API.
export * from './match/index.js';
