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

export interface GeoPoint {
  lat: number;
  lng: number;
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
}

/** Deadlines as ISO-8601 UTC instants. */
export interface Deadlines {
  acceptBy: string;
  respondBy: string;
  resolveBy: string;
}
