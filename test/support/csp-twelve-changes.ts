// The twelve changes C01–C12 of rulesets/csp-assessment/final-1.0.md (and the new identity) as table operations,
// in the order an editor makes them. In: nothing. Out: `TWELVE_CHANGES`, run on 0.9 by the unit test of the
// table edits and, cell by cell through the page, by the table view's browser test.

import type { TableOp } from '../../playground/src/table-edit';

const set = (cell: Extract<TableOp, { kind: 'set' }>['cell'], value: string): TableOp => ({ kind: 'set', cell, value });
const label = (kind: 'indicator' | 'veto' | 'prerequisite', id: string, zhHans: string, zhHant: string, en: string): TableOp[] => [
  set({ kind: 'label', owner: { kind, id }, lang: 'zh-Hans' }, zhHans),
  set({ kind: 'label', owner: { kind, id }, lang: 'zh-Hant' }, zhHant),
  set({ kind: 'label', owner: { kind, id }, lang: 'en' }, en),
];
const ind = (id: string, field: Extract<Extract<TableOp, { kind: 'set' }>['cell'], { kind: 'indicator' }>['field'], value: string): TableOp =>
  set({ kind: 'indicator', id, field }, value);
const band = (id: string, index: number, part: 'cond' | 'points', value: string): TableOp => set({ kind: 'band', id, index, part }, value);
const req = (owner: 'level' | 'prerequisite', id: string, index: number, value: string): TableOp => set({ kind: 'require', owner, id, index }, value);

export const TWELVE_CHANGES: readonly { readonly change: string; readonly ops: readonly TableOp[] }[] = [
  {
    change: 'identity',
    ops: [set({ kind: 'header', field: 'version' }, '1.0'), set({ kind: 'header', field: 'status' }, 'published'), set({ kind: 'header', field: 'date' }, '2026-06-30')],
  },
  { change: 'C01', ops: [set({ kind: 'dimension', id: 'B' }, '20'), set({ kind: 'dimension', id: 'G' }, '8')] },
  {
    change: 'C02',
    ops: [
      { kind: 'addIndicator', dimension: 'B', after: 'oversubscription_ratio', id: 'asset_inventory_consistency' },
      ...label('indicator', 'asset_inventory_consistency', '资产台账一致性', '資產台賬一致性', 'Asset-ledger consistency'),
      ind('asset_inventory_consistency', 'weight', '2'),
      ind('asset_inventory_consistency', 'type', 'percent'),
      ind(
        'asset_inventory_consistency',
        'unit',
        '% of accelerator serial numbers, read from the management controllers of the whole population, that match the declared ledger',
      ),
      ind('asset_inventory_consistency', 'direction', 'higher'),
      ind('asset_inventory_consistency', 'methods', 'DV, OS'),
      ind('asset_inventory_consistency', 'basis', 'full, non-sampled, traceable data collection (ODCC 2025 infrastructure quality model)'),
      { kind: 'addBand', id: 'asset_inventory_consistency', at: 0 },
      { kind: 'addBand', id: 'asset_inventory_consistency', at: 1 },
      { kind: 'addBand', id: 'asset_inventory_consistency', at: 2 },
      band('asset_inventory_consistency', 0, 'cond', '>= 99'),
      band('asset_inventory_consistency', 0, 'points', '100'),
      band('asset_inventory_consistency', 1, 'cond', '>= 95'),
      band('asset_inventory_consistency', 1, 'points', '70'),
      band('asset_inventory_consistency', 2, 'cond', '>= 90'),
      band('asset_inventory_consistency', 2, 'points', '40'),
    ],
  },
  { change: 'C03', ops: [{ kind: 'removeIndicator', id: 'support_response_p1' }] },
  { change: 'C04', ops: [ind('rack_occupancy', 'weight', '1')] },
  {
    change: 'C05',
    ops: [
      ind('compute_redundancy', 'id', 'hot_spare_capacity_ratio'),
      ...label('indicator', 'hot_spare_capacity_ratio', '热备算力比例', '熱備算力比例', 'Hot-spare capacity ratio'),
      ind('hot_spare_capacity_ratio', 'formerly', 'compute_redundancy'),
    ],
  },
  {
    change: 'C06',
    ops: [
      ind('task_response_latency', 'id', 'resource_delivery_latency'),
      ...label('indicator', 'resource_delivery_latency', '资源交付时延', '資源交付時延', 'Resource delivery latency'),
      ind('resource_delivery_latency', 'formerly', 'task_response_latency'),
    ],
  },
  {
    change: 'C07',
    ops: [
      set({ kind: 'veto', id: 'V1' }, 'declared_vs_measured_gap > 10 or metric_disclosure = misleading'),
      ind('declared_vs_measured_gap', 'methods', 'TT "on ≥10% of nodes, at least 32", OS, DR'),
    ],
  },
  { change: 'C08', ops: [band('total_compute_scale', 0, 'cond', '>= 2000')] },
  { change: 'C09', ops: [{ kind: 'removeBand', id: 'pue', index: 5 }] },
  { change: 'C10', ops: [{ kind: 'removeBand', id: 'service_availability', index: 4 }] },
  {
    change: 'C11',
    ops: [
      { kind: 'addVeto', id: 'V5' },
      ...label('veto', 'V5', '独占卡超售', '獨佔卡超售', 'Oversold exclusive cards'),
      set({ kind: 'veto', id: 'V5' }, 'sells_exclusive_cards and oversubscription_ratio > 1.00'),
      { kind: 'addVeto', id: 'V6' },
      ...label('veto', 'V6', '跨境数据违规', '跨境數據違規', 'Cross-border data violation'),
      set({ kind: 'veto', id: 'V6' }, 'cross_border_data_flow and cross_border_data_compliance = noncompliant'),
    ],
  },
  {
    change: 'C12',
    ops: [
      req('level', 'L5', 0, 'total >= 93'),
      req('level', 'L5', 1, 'every dimension: share >= 85%'),
      req('level', 'L5', 4, 'pue <= 1.20'),
      req('level', 'L4', 3, 'declared_vs_measured_gap <= 5'),
      req('level', 'L4', 4, 'pue <= 1.25'),
      req('prerequisite', 'P2', 0, 'months_in_operation >= 12'),
      ...label('prerequisite', 'P2', '连续运营满12个月', '連續營運滿12個月', 'Twelve months in operation'),
    ],
  },
];
