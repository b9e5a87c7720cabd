// Huangpu's district departments (区属部门) that receive work as queued tasks: one SQS queue each.
// `code` is a stable ASCII id (it names the department's queue); `name` is the official Chinese name.
import type { UnitRef } from './case.js';

export interface Department extends UnitRef {
  /** short form that people say, e.g. 城管 */
  shortName: string;
}

export const DEPARTMENTS = [
  { code: 'urban-management', name: '区城市管理和综合执法局', shortName: '城管' },
  { code: 'ecology-environment', name: '广州市生态环境局黄埔分局', shortName: '生态环境' },
  { code: 'housing-construction', name: '区住房和建设局', shortName: '住建' },
  { code: 'market-regulation', name: '区市场监督管理局', shortName: '市场监管' },
  { code: 'human-resources', name: '区人力资源和社会保障局', shortName: '人社' },
  { code: 'health', name: '区卫生健康局', shortName: '卫健' },
  { code: 'education', name: '区教育局', shortName: '教育' },
  { code: 'public-security', name: '广州市公安局黄埔区分局', shortName: '公安' },
  { code: 'transport', name: '区交通运输局', shortName: '交通' },
  { code: 'water-affairs', name: '区水务局', shortName: '水务' },
  { code: 'civil-affairs', name: '区民政局', shortName: '民政' },
  { code: 'business-environment', name: '区营商环境改革局', shortName: '营商环境' },
  { code: 'enterprise-services', name: '区民营经济和企业服务局', shortName: '企业服务' },
  { code: 'administrative-approval', name: '区行政审批局', shortName: '行政审批' },
  { code: 'intellectual-property', name: '区知识产权局', shortName: '知识产权' },
  { code: 'government-data', name: '区政务服务数据管理局', shortName: '政数' },
  { code: 'agriculture-rural', name: '区农业农村局', shortName: '农业农村' },
  { code: 'culture-tourism', name: '区文化广电旅游局', shortName: '文广旅' },
  { code: 'emergency-management', name: '区应急管理局', shortName: '应急管理' },
] as const satisfies readonly Department[];

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

const byCode = new Map<string, Department>(DEPARTMENTS.map((d) => [d.code, d]));

export function findDepartment(code: string): Department | undefined {
  return byCode.get(code);
}

export function departmentRef(code: DepartmentCode): UnitRef {
  const d = byCode.get(code);
  if (!d) throw new Error(`unknown department ${code}`);
  return { code: d.code, name: d.name };
}
