// The case (工单) and the words the whole system uses for it. Pure types and constants: no I/O.

export const CHANNELS = ['phone', 'web', 'app', 'wechat', 'enterprise'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_NAMES: Record<Channel, string> = {
  phone: '电话',
  web: '网站',
  app: 'App',
  wechat: '微信',
  enterprise: '企业服务专席',
};

/** 诉求类型: 咨询 / 求助 / 投诉 / 举报 / 建议 / 表扬 */
export const REQUEST_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_NAMES: Record<RequestType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

/** 紧急程度 */
export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_NAMES: Record<Urgency, string> = { urgent: '紧急', normal: '一般' };

export type UnitLevel = 'district' | 'street' | 'community' | 'grid' | 'department';

/** A node of the jurisdiction tree or a department, as the API shows it: official code and Chinese name. */
export interface UnitRef {
  code: string;
  name: string;
}

export interface Jurisdiction {
  district: UnitRef | null;
  street: UnitRef | null;
  community: UnitRef | null;
  grid: UnitRef | null;
}

/** The datum of a coordinate: GCJ-02 (火星坐标, what Chinese map apps and WeChat give) or WGS84 (GPS). */
export const COORDINATE_SYSTEMS = ['gcj02', 'wgs84'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];
/** What a location without a stated system is taken to be: the hotline's apps and WeChat give GCJ-02. */
export const DEFAULT_COORDINATE_SYSTEM: CoordinateSystem = 'gcj02';

export interface GeoPoint {
  lat: number;
  lng: number;
  /** the datum of lat/lng; absent on cases stored before it was recorded: read as DEFAULT_COORDINATE_SYSTEM */
  system?: CoordinateSystem;
}

export interface Caller {
  name?: string;
  phone?: string;
  enterpriseName?: string;
}

export interface Category {
  /** stable machine code, e.g. "urban-management/sanitation" */
  code: string;
  /** the Chinese path, top level first, e.g. ["城市管理", "环境卫生"] */
  path: string[];
}

export interface Classification {
  category: Category;
  requestType: RequestType;
  urgency: Urgency;
  /** the responsible district department (区属部门) */
  department: UnitRef;
  /** grid: the case goes down the jurisdiction tree; department: straight to the department's queue */
  routeTo: 'grid' | 'department';
  /** 0..1 */
  confidence: number;
  /** human-readable: which words or rules decided it */
  reason: string;
  /** the words that decided each part (the model classifier fills it) */
  explanation?: ClassificationExplanation;
  /** true when the classifier is not sure enough to dispatch: district triage (人工分拨) decides */
  manualTriage?: boolean;
  /** the next most likely categories, for the person who triages */
  alternatives?: ClassificationAlternative[];
  /** which classifier decided, and which model, e.g. "model 2026-11-20T08:00:00Z" or "rules" */
  classifier?: string;
  /** set when a staff member corrected the classification (POST /cases/{caseId}/classification) */
  correction?: ClassificationCorrectionInfo;
}

export interface ClassificationCorrectionInfo {
  /** the staff account id (never a name) */
  by: string;
  at: string;
  /** the labels before the correction, and how sure their classifier was */
  before: { category: string; requestType: RequestType; urgency: Urgency; department: string; confidence: number; classifier?: string };
}

export interface ClassificationExplanation {
  /** words of the request, most decisive first */
  category: string[];
  requestType: string[];
  urgency: string[];
  /** supervisor rules that applied, in Chinese (rules.ts) */
  rules: string[];
}

export interface ClassificationAlternative {
  code: string;
  path: string[];
  /** 0..1 */
  probability: number;
}

/** Deadlines as ISO-8601 UTC instants. */
export interface Deadlines {
  acceptBy: string;
  respondBy: string;
  resolveBy: string;
}
