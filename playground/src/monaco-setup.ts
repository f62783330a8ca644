// Loads the slim Monaco build with the features the playground uses, and its workers as files.
// In: nothing. Out: the `monaco` API object; `self.MonacoEnvironment` set before any editor exists.

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

/** Labels of the workers Monaco asked for, in order (read by the e2e tests). */
export const requestedWorkers: string[] = [];

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    requestedWorkers.push(label);
    // Every label must be answered: the JSON language silently stops validating otherwise.
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

export { monaco, jsonDefaults };
