// Ambient types for the playground: Vite's client types (`?raw`, `?worker`, `import.meta.glob`).
// In: nothing. Out: module declarations used by the page and the worker.
/// <reference types="vite/client" />
