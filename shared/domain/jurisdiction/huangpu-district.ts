// 黄埔区 (440112), the district this deployment serves: a constant, so functions that only need its code
// and name (every function owns cases in it) do not bundle the whole jurisdiction file. A test checks it
// against shared/data/huangpu-jurisdiction.json.
export const HUANGPU_DISTRICT = { code: '440112', name: '黄埔区' } as const;
