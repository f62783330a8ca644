// The static checks of engine/check/, one family per file, in the order they run.
// In: nothing. Out: `ALL_CHECKS`, which engine/check/registry.ts lists in `CHECKS`. A check that reads labels, units,
// notes, bases or the title (what engine/model/meaning.ts leaves out of a ruleset's meaning) says `presentation`.

import type { NamedCheck } from './registry';
import { checkBands, checkPointsRange } from './bands';
import { checkDerived } from './derived';
import { checkLabels } from './labels';
import { checkLevels } from './levels';
import { checkMappings } from './mappings';
import { checkTables } from './tables';
import { checkTypes } from './types';
import { checkWeights } from './weights';

export const ALL_CHECKS: readonly NamedCheck[] = [
  { name: 'types', run: checkTypes },
  { name: 'weights', run: checkWeights },
  { name: 'points', run: checkPointsRange },
  { name: 'bands', run: checkBands },
  { name: 'mappings', run: checkMappings },
  { name: 'levels', run: checkLevels },
  { name: 'labels', run: checkLabels, presentation: true },
  { name: 'tables', run: checkTables },
  { name: 'derived', run: checkDerived },
];
