// Realistic requests phrased the way Huangpu callers talk, written with the first (rules-only) classifier and
// kept out of the labelled training set: the rule classifier's test checks every row, the model classifier's
// test the share it gets right. Some rows have full-width digits and punctuation, some stray spaces.
import type { Channel, RequestType } from '../../../shared/domain/case.js';
import type { DepartmentCode } from '../../../shared/domain/departments.js';
import type { CategoryCode } from '../../../shared/domain/classification/categories.js';

export interface Row {
  text: string;
  department: DepartmentCode;
  category?: CategoryCode;
  requestType?: RequestType;
  urgent?: boolean;
  channel?: Channel;
  routeTo?: 'grid' | 'department';
}

export const TABLE: Row[] = [
  { text: '夏港街道青年路这边的大排档天天晚上占道经营，桌子摆到马路上，行人都没法走', department: 'urban-management', category: 'urban-management/street-vending', routeTo: 'grid' },
  { text: '鱼珠街道某小区顶楼有业主在天台加建铁皮房，举报一下违章搭建', department: 'urban-management', category: 'urban-management/illegal-construction', requestType: 'report' },
  { text: '长洲街道金洲北路的路灯已经坏了一个多星期，晚上黑灯瞎火很危险', department: 'urban-management', category: 'urban-management/street-lights' },
  { text: '文冲街道石化路有棵大树被台风吹倒了，压住了人行道', department: 'urban-management', category: 'urban-management/greening' },
  { text: '萝岗街道香雪三路旁边的工厂排放废气，刺鼻的异味，晚上尤其严重', department: 'ecology-environment', category: 'environmental-protection/air' },
  { text: '开发区东区某厂夜里往河涌偷排污水，河水发黑发臭，实名举报', department: 'ecology-environment', category: 'environmental-protection/water-pollution', requestType: 'report' },
  { text: '楼下新开的烧烤店油烟很大，熏得我们家不敢开窗', department: 'ecology-environment', category: 'environmental-protection/air' },
  { text: '物业公司乱收停车费，业委会也不管，我要投诉物业', department: 'housing-construction', category: 'housing-construction/property-management', requestType: 'complaint' },
  { text: '新房交楼才半年，客厅墙体开裂，卫生间还渗水，开发商不理', department: 'housing-construction', category: 'housing-construction/housing-quality' },
  { text: '对面工地泥头车进出不冲洗，扬尘很大，路上全是渣土', department: 'housing-construction', category: 'housing-construction/construction-site' },
  { text: '请问２６路公交车末班车是几点？能否增加班次', department: 'transport', category: 'transport/public-transport', routeTo: 'department' },
  { text: '昨晚坐网约车被司机绕路，多收了五十块钱', department: 'transport', category: 'transport/taxi' },
  { text: '开创大道有个井盖松动了，车压过去哐哐响，怕出事', department: 'transport', category: 'transport/road-facilities', routeTo: 'grid' },
  { text: '小区门口天天有车违停，堵住消防通道，交警也不来管', department: 'public-security', category: 'transport/traffic-order', requestType: 'complaint' },
  { text: '在香雪的一家餐馆吃完饭拉肚子，怀疑食品不卫生，后厨很脏', department: 'market-regulation', category: 'market-regulation/food-safety' },
  { text: '健身房老板跑路了，预付卡里还有３０００块不给退', department: 'market-regulation', category: 'market-regulation/consumer-disputes' },
  { text: '商场停车场乱收费，收费标准没有明码标价', department: 'market-regulation', category: 'market-regulation/pricing' },
  { text: '小区电梯又坏了，经常困人，物业说没钱修', department: 'market-regulation', category: 'market-regulation/special-equipment', urgent: true },
  { text: '我在萝岗的一个工地干活，包工头拖欠我们工资三个月了，帮帮忙', department: 'human-resources', category: 'labour/wage-arrears', requestType: 'help' },
  { text: '请问社保断缴了一个月有什么影响，怎么补缴', department: 'human-resources', category: 'labour/social-insurance', requestType: 'consultation' },
  { text: '公司没签劳动合同就把我辞退了，也不给经济补偿', department: 'human-resources', category: 'labour/labour-disputes' },
  { text: '孩子明年上小学，积分入学需要什么材料？', department: 'education', category: 'education/enrolment', requestType: 'consultation' },
  { text: '幼儿园老师体罚小朋友，家长很担心', department: 'education', category: 'education/school-management' },
  { text: '社区卫生服务中心打疫苗要排队三个小时，医生态度差', department: 'health', category: 'health/medical-services', requestType: 'complaint' },
  { text: '蚊子太多了，小区绿化带积水很多，担心登革热', department: 'health', category: 'health/public-health' },
  { text: '附近有人聚众赌博，晚上很多可疑人员进出', department: 'public-security', category: 'public-safety/public-order' },
  { text: '出租屋楼道里一堆电动车充电，飞线充电，消防隐患很大', department: 'public-security', category: 'public-safety/fire-hazard' },
  { text: '楼下有人遛狗不拴绳，狗把小孩咬了', department: 'public-security', category: 'public-safety/dogs' },
  { text: '我们这栋楼从早上开始停水，到现在还没来水，也没有通知', department: 'water-affairs', category: 'utilities/water-supply', routeTo: 'department' },
  { text: '一下雨路口就水浸，下水道堵塞，积水到膝盖', department: 'water-affairs', category: 'utilities/drainage', routeTo: 'grid' },
  { text: '路边的水管爆裂了，水喷得老高', department: 'water-affairs', category: 'utilities/water-supply', urgent: true },
  { text: '家里突然停电了，整栋楼都没电，请帮忙联系供电所', department: 'urban-management', category: 'utilities/power', requestType: 'help' },
  { text: '家里老人８０岁了，想咨询高龄津贴怎么申请', department: 'civil-affairs', category: 'civil-affairs/elderly-care', requestType: 'consultation', routeTo: 'department' },
  { text: '邻居家生活困难，老公瘫痪在床，能不能帮忙申请低保', department: 'civil-affairs', category: 'civil-affairs/social-assistance' },
  { text: '我们公司想申请高新技术企业认定的奖励资金，请问什么时候拨付', department: 'enterprise-services', category: 'policy-payments/enterprise-subsidies', channel: 'enterprise', routeTo: 'department', requestType: 'consultation' },
  { text: '博士来黄埔工作的人才补贴怎么申请？', department: 'human-resources', category: 'policy-payments/talent', routeTo: 'department' },
  { text: '想咨询一下在黄埔开办企业需要办理哪些许可证，营业执照怎么办', department: 'administrative-approval', category: 'administrative-approval/permits', requestType: 'consultation', routeTo: 'department' },
  { text: '政务服务中心窗口排队两个小时，办事效率太低', department: 'government-data', category: 'administrative-approval/government-services' },
  { text: '我们公司的商标被别人仿冒，想投诉侵权', department: 'intellectual-property', category: 'intellectual-property/infringement', requestType: 'complaint', channel: 'enterprise' },
  { text: '企业反映有部门多头检查、吃拿卡要，影响正常经营', department: 'business-environment', category: 'enterprise/business-environment', channel: 'enterprise', routeTo: 'department' },
  { text: '公司在科学城想扩产，需要找一处厂房，希望区里协调用地', department: 'enterprise-services', category: 'enterprise/enterprise-support', channel: 'enterprise' },
  { text: '建议在丰乐北路和大沙地东路交界处增设一个红绿灯', department: 'public-security', category: 'transport/traffic-order', requestType: 'suggestion' },
  { text: '有人在家门口烧垃圾，烟很大', department: 'ecology-environment', category: 'environmental-protection/air' },
  { text: '垃 圾 站 旁边卫生很差，臭气熏天！！', department: 'urban-management', category: 'urban-management/sanitation' },
];
